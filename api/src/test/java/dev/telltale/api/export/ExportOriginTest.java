package dev.telltale.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportOriginTest {

    @TempDir
    Path dir;

    @Test
    void theIdIsCreatedOnceAndStaysTheSame() throws IOException {
        Path file = dir.resolve("telltale-origin");

        UUID first = ExportOrigin.of(file);

        assertThat(ExportOrigin.of(file)).isEqualTo(first);
        assertThat(Files.readString(file).strip()).isEqualTo(first.toString());
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void eightThreadsCreatingItAtOnce_allGetTheOneThatWasWrittenFirst() throws Exception {
        Path file = dir.resolve("telltale-origin");
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    seen.add(ExportOrigin.of(file));
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        assertThat(seen).containsExactly(ExportOrigin.of(file));
    }

    @Test
    void aFileThatHoldsNoUuid_isAnErrorNamingIt_andIsLeftAsItIs() throws IOException {
        Path file = Files.writeString(dir.resolve("events.jsonl.origin"), "not\u001b[31m an id\n");

        assertThatThrownBy(() -> ExportOrigin.of(file))
                .isInstanceOf(IOException.class)
                .hasMessage(file + " does not hold an origin id (a UUID); it holds 'not?[31m an id'");
        assertThat(Files.readString(file)).isEqualTo("not\u001b[31m an id\n");
    }
}
