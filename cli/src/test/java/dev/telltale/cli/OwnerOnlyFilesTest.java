package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a program and the command line create is their owner's, under the common {@code umask 022}:
 * a program records into a Chronicle queue and into a JSON Lines file (child JVMs started through
 * {@code sh -c 'umask 022; exec java …'}), the command line exports both with {@code --resume}; every
 * file is {@code 0600}, every directory Telltale made {@code 0700}.
 */
class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void posixOnly() {
        assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "the file system has no POSIX permissions");
    }

    /** Runs {@code command} under umask 022; returns its exit code. */
    private static int underUmask022(List<String> command, Path log) throws Exception {
        return underUmask("022", command, log);
    }

    /** Runs {@code command} under {@code umask}; returns its exit code. */
    private static int underUmask(String umask, List<String> command, Path log) throws Exception {
        List<String> shell = new ArrayList<>(List.of("sh", "-c", "umask " + umask + "; exec \"$@\"", "sh"));
        shell.addAll(command);
        Process process = new ProcessBuilder(shell)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return process.exitValue();
    }

    private int record(String... settings) throws Exception {
        return underUmask022(
                Cli.childJvm(List.of(settings), ChildWriter.class.getName(), "50", "0")
                        .command(),
                dir.resolve("child.log"));
    }

    private int telltale(String... args) throws Exception {
        return underUmask022(Cli.childJvm(TelltaleMain.class.getName(), args).command(), dir.resolve("cli.log"));
    }

    /** Every file and directory below {@code root} (and root), with its permissions. */
    private static Map<String, String> modes(Path root) throws IOException {
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) {
                modes.put(
                        root.relativize(path) + (Files.isDirectory(path) ? "/" : ""),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)));
            }
        }
        return modes;
    }

    private static void assertOwnerOnly(Map<String, String> modes) {
        assertThat(modes).isNotEmpty();
        modes.forEach((path, mode) ->
                assertThat(mode).as(path).isEqualTo(path.endsWith("/") || path.isEmpty() ? "rwx------" : "rw-------"));
    }

    @Test
    void aProgramsQueueAndJsonlStore_andTheExportsOfThem_areOwnerOnly() throws Exception {
        Path queue = dir.resolve("app/queue");
        Path jsonl = dir.resolve("app/jsonl/events.jsonl");
        Path exports = dir.resolve("exports");

        assertThat(record("-Dtelltale.store=chronicle", "-Dtelltale.store.dir=" + queue))
                .as(Files.readString(dir.resolve("child.log")))
                .isZero();
        assertThat(record("-Dtelltale.store=jsonl", "-Dtelltale.store.path=" + jsonl))
                .as(Files.readString(dir.resolve("child.log")))
                .isZero();
        assertThat(telltale(
                        "export",
                        "jsonl",
                        queue.toString(),
                        "--out",
                        exports.resolve("q/out.jsonl").toString(),
                        "--resume",
                        "nightly"))
                .as(Files.readString(dir.resolve("cli.log")))
                .isZero();
        assertThat(telltale(
                        "export",
                        "jsonl",
                        jsonl.toString(),
                        "--out",
                        exports.resolve("j/out.jsonl").toString(),
                        "--resume",
                        "n"))
                .as(Files.readString(dir.resolve("cli.log")))
                .isZero();

        Map<String, String> app = modes(dir.resolve("app"));
        assertThat(app)
                .containsKeys(
                        "queue/metadata.cq4t",
                        "queue/readers/",
                        "queue/readers/nightly.position",
                        "jsonl/events.jsonl");
        assertThat(app.keySet()).anyMatch(path -> path.endsWith(".cq4"));
        assertOwnerOnly(app);
        Map<String, String> exported = modes(exports);
        assertThat(exported).containsKeys("q/out.jsonl", "q/out.jsonl.nightly.checkpoint", "q/out.jsonl.nightly.lock");
        assertOwnerOnly(exported);
    }

    @Test
    void groupAccess_isAskedFor_andNeverReachesOthers() throws Exception {
        Path jsonl = dir.resolve("shared/events.jsonl");
        Path out = dir.resolve("exports/out.jsonl");

        assertThat(record("-Dtelltale.store=jsonl", "-Dtelltale.store.path=" + jsonl, "-Dtelltale.store.access=group"))
                .isZero();
        assertThat(telltale("export", "jsonl", jsonl.toString(), "--out", out.toString(), "--access", "group"))
                .isZero();

        assertThat(modes(dir.resolve("shared")))
                .containsEntry("/", "rwxr-x---")
                .containsEntry("events.jsonl", "rw-r-----");
        assertThat(modes(dir.resolve("exports"))).containsEntry("out.jsonl", "rw-r-----");
        assertThat(telltale("export", "jsonl", jsonl.toString(), "--out", out.toString(), "--access", "world"))
                .isEqualTo(TelltaleMain.USAGE);

        // A strict umask takes nothing the setting asked for: the group still reads.
        Path strict = dir.resolve("strict/events.jsonl");
        assertThat(underUmask(
                        "077",
                        Cli.childJvm(
                                        List.of(
                                                "-Dtelltale.store=jsonl",
                                                "-Dtelltale.store.path=" + strict,
                                                "-Dtelltale.store.access=group"),
                                        ChildWriter.class.getName(),
                                        "5",
                                        "0")
                                .command(),
                        dir.resolve("strict.log")))
                .isZero();
        assertThat(modes(dir.resolve("strict")))
                .containsEntry("/", "rwxr-x---")
                .containsEntry("events.jsonl", "rw-r-----");
    }

    @Test
    void aPlantedSymlinkWhereAnExportWouldCreateItsOutput_isRefused() throws Exception {
        Path jsonl = dir.resolve("events.jsonl");
        assertThat(record("-Dtelltale.store=jsonl", "-Dtelltale.store.path=" + jsonl))
                .isZero();
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me\n");
        Path out = dir.resolve("out.jsonl");
        Files.createSymbolicLink(out, victim);

        Cli.Result result = Cli.run("export", "jsonl", jsonl.toString(), "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(TelltaleMain.FAILED);
        assertThat(result.err()).contains("is a symbolic link: Telltale does not write through one");
        assertThat(Files.readString(victim)).isEqualTo("keep me\n");
    }
}
