package dev.telltale.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and directories with their access from the start; never through a symbolic link. */
class FileAccessTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "the file system has no POSIX permissions");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void owner_createsDirectoriesAndFilesForTheOwnerAlone() throws IOException {
        Path nested = dir.resolve("a/b");
        assertThat(FileAccess.OWNER.createDirectories(nested)).isFalse();
        FileAccess.OWNER.createFile(nested.resolve("f"));
        try (FileChannel channel =
                FileAccess.OWNER.open(nested.resolve("g"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            assertThat(channel.isOpen()).isTrue();
        }

        assertThat(mode(dir.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(nested)).isEqualTo("rwx------");
        assertThat(mode(nested.resolve("f"))).isEqualTo("rw-------");
        assertThat(mode(nested.resolve("g"))).isEqualTo("rw-------");
    }

    @Test
    void group_letsTheGroupRead_neverOthers() throws IOException {
        FileAccess.GROUP.createDirectories(dir.resolve("shared"));
        FileAccess.GROUP.createFile(dir.resolve("shared/f"));
        Files.writeString(dir.resolve("other"), "x");
        FileAccess.GROUP.restrict(dir.resolve("other"));

        assertThat(mode(dir.resolve("shared"))).isEqualTo("rwxr-x---");
        assertThat(mode(dir.resolve("shared/f"))).isEqualTo("rw-r-----");
        assertThat(mode(dir.resolve("other"))).isEqualTo("rw-r-----");
    }

    @Test
    void anExistingDirectory_isLeftAsItIs_andSaysWhetherOthersMayRead() throws IOException {
        Path open = Files.createDirectory(
                dir.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path closed = Files.createDirectory(dir.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

        assertThat(FileAccess.OWNER.createOwnDirectory(open)).isTrue();
        assertThat(FileAccess.OWNER.createOwnDirectory(open))
                .as("told once, asked twice")
                .isTrue();
        assertThat(FileAccess.OWNER.createDirectories(closed)).isFalse();
        assertThat(mode(open)).isEqualTo("rwxr-xr-x");
    }

    @Test
    void aSymbolicLink_isNeverWrittenThrough() throws IOException {
        Path target = Files.writeString(dir.resolve("target"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);

        assertThatThrownBy(() -> FileAccess.OWNER.createFile(link))
                .isInstanceOf(IOException.class)
                .hasMessage(link + " is a symbolic link: Telltale does not write through one");
        assertThatThrownBy(() -> FileAccess.OWNER.open(link, StandardOpenOption.WRITE))
                .hasMessageContaining("symbolic link");
        assertThat(Files.readString(target)).isEqualTo("keep");
    }

    @Test
    void theSetting_isOwnerOrGroup_nothingElse() {
        assertThat(FileAccess.of(StoreConfig.of("jsonl", Map.of()))).isEqualTo(FileAccess.OWNER);
        assertThat(FileAccess.of(StoreConfig.of("jsonl", Map.of("access", " Group "))))
                .isEqualTo(FileAccess.GROUP);
        assertThat(FileAccess.parse("owner")).isEqualTo(FileAccess.OWNER);
        assertThatThrownBy(() -> FileAccess.parse("world"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("access: expected owner or group (never anyone else), got 'world'");
        assertThat(FileAccess.OWNER.filePermissions()).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
