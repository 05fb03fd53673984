package dev.telltale.store.chronicle.internal;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadTest {

    @TempDir
    Path dir;

    private File sparse(String name, long length) throws IOException {
        File file = dir.resolve(name).toFile();
        try (RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
            raf.setLength(length);
        }
        return file;
    }

    @Test
    void readsTheWindowAheadOfTheWritePosition_neverPastTheEndOfTheFile_andFollowsTheNextFile() throws IOException {
        File big = sparse("1.cq4", 64L << 20);
        File small = sparse("2.cq4", 1L << 20);
        try (ReadAhead readAhead = new ReadAhead("test-read-ahead")) {
            readAhead.wrote(big, 4096);
            await().atMost(Duration.ofSeconds(10)).until(() -> readAhead.bytesRead() == ReadAhead.AHEAD_BYTES);

            readAhead.wrote(big, 4096 + ReadAhead.AHEAD_BYTES / 2);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> readAhead.bytesRead() == ReadAhead.AHEAD_BYTES + ReadAhead.AHEAD_BYTES / 2);

            Files.delete(small.toPath().resolveSibling("1.cq4"));
            readAhead.wrote(small, 0);
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            readAhead.bytesRead() == ReadAhead.AHEAD_BYTES + ReadAhead.AHEAD_BYTES / 2 + (1L << 20));
        }
    }

    @Test
    void aFileThatIsGone_isLeftAlone_untilTheNextOneIsWritten() throws IOException {
        File gone = dir.resolve("gone.cq4").toFile();
        File next = sparse("next.cq4", 8192);
        try (ReadAhead readAhead = new ReadAhead("test-read-ahead")) {
            readAhead.wrote(gone, 0);
            readAhead.wrote(next, 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> readAhead.bytesRead() == 8192);
        }
    }
}
