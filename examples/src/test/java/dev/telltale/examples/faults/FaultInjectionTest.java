package dev.telltale.examples.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventType;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.EventSource;
import dev.telltale.api.source.EventSources;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import dev.telltale.api.source.SourceOptions;
import dev.telltale.api.testing.Accounts;
import dev.telltale.examples.faults.ChildApp.Launch;
import dev.telltale.examples.faults.ChildApp.Stats;
import dev.telltale.store.chronicle.EventLog;
import dev.telltale.store.jsonl.BadLinePolicy;
import dev.telltale.store.jsonl.JsonlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording never hurts the application, tried as an application meets it: the example executor in
 * a real child JVM ({@link FaultApp}), with real files, and a fault injected from outside. Each test
 * checks that every command ran and returned what it returns without Telltale, that the operator is
 * told in one line, that health says why, and that the counters conserve with the files holding
 * exactly what Telltale says it persisted.
 */
@SuppressWarnings("try") // ChildApp and TmpfsMount close() may throw InterruptedException
class FaultInjectionTest {

    private static final int KILLS = 8;

    @TempDir
    Path dir;

    private ChildApp start(Launch launch) throws IOException {
        return ChildApp.start(launch, dir.resolve("stderr-" + System.nanoTime() + ".txt"));
    }

    @Test
    void chronicleWithoutItsJvmFlags_commandsRunAndStandardErrorSaysWhichFlagsOnce() throws Exception {
        Path queue = dir.resolve("events");
        try (ChildApp app = start(Launch.of("-Dtelltale.store.dir=" + queue).withoutChronicleFlags())) {
            app.awaitReady();
            assertThat(app.ask("run 200")).isEqualTo("ran 200 mismatches 0");
            assertThat(app.ask("health"))
                    .startsWith("health DEGRADED | recording could not start: ")
                    .contains("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED");
            assertThat(app.ask("run 200")).isEqualTo("ran 200 mismatches 0");
            app.quit();

            assertThat(app.telltaleErrorLines())
                    .singleElement()
                    .asString()
                    .startsWith("telltale: recording could not start: ")
                    .contains(
                            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
                            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED");
            assertThat(app.stderrText()).doesNotContain("\tat ");
        }
    }

    @Test
    void withAnSlf4jProvider_theOneLineGoesThroughItWithoutAStackTrace() throws Exception {
        Path queue = dir.resolve("events");
        try (ChildApp app = start(Launch.of("-Dtelltale.store.dir=" + queue)
                .withoutChronicleFlags()
                .withSlf4jProvider())) {
            app.awaitReady();
            assertThat(app.ask("run 50")).isEqualTo("ran 50 mismatches 0");
            app.quit();

            assertThat(app.telltaleErrorLines())
                    .singleElement()
                    .asString()
                    .contains("WARN dev.telltale - recording could not start: ");
            assertThat(app.stderrText()).doesNotContain("\tat ").doesNotContain("telltale: ");
        }
    }

    @Test
    void aBufferLargerThanTheHeapAllows_isRefusedNamingTheSettingAndCommandsRun() throws Exception {
        Path file = dir.resolve("events.jsonl");
        try (ChildApp app = start(Launch.of("-Dtelltale.store.path=" + file, "-Dtelltale.buffer-size=1073741824"))) {
            app.awaitReady();
            assertThat(app.ask("run 100")).isEqualTo("ran 100 mismatches 0");
            assertThat(app.ask("health"))
                    .startsWith("health DEGRADED | recording could not start: ")
                    .contains("telltale.buffer-size 1073741824");
            app.quit();

            assertThat(app.telltaleErrorLines()).singleElement().asString().contains("telltale.buffer-size 1073741824");
            assertThat(file).doesNotExist();
        }
    }

    @Test
    void anUnknownTelltaleProperty_isToldOnceAndRecordingGoesOn() throws Exception {
        Path file = dir.resolve("events.jsonl");
        try (ChildApp app = start(Launch.of("-Dtelltale.store.path=" + file, "-Dtelltale.version=1.2.3"))) {
            app.awaitReady();
            assertThat(app.ask("run 300")).isEqualTo("ran 300 mismatches 0");
            assertThat(app.settle().persisted()).isEqualTo(301);
            assertThat(app.ask("health")).isEqualTo("health HEALTHY");
            Stats last = Stats.parse(app.quit());

            last.assertConserved();
            assertThat(jsonlEvents(file)).isEqualTo(last.persisted()).isEqualTo(302);
            assertThat(app.telltaleErrorLines())
                    .singleElement()
                    .asString()
                    .startsWith("telltale: ignored the unknown setting telltale.version");
        }
    }

    @Test
    void chronicleQueueDirectoryDeletedUnderTheProcess_isDetectedRecreatedAndCountedExactly() throws Exception {
        Path queue = dir.resolve("events");
        ChildApp app = deleteWhileRecording(
                Launch.of("-Dtelltale.store.dir=" + queue), queue, queue, FaultInjectionTest::chronicleEvents);

        assertThat(app.telltaleErrorLines()).hasSize(2);
        assertThat(app.telltaleErrorLines().get(0)).contains("the queue directory was deleted under this process");
        assertThat(app.telltaleErrorLines().get(1)).endsWith("works again after 1 failures in a row");
    }

    @Test
    void jsonlFileDeletedUnderTheProcess_isDetectedRecreatedAndCountedExactly() throws Exception {
        Path file = dir.resolve("logs/events.jsonl");
        deleteWhileRecording(
                Launch.of("-Dtelltale.store.path=" + file), file, file.getParent(), FaultInjectionTest::jsonlEvents);
    }

    /** Something that counts the events a store's files hold. */
    private interface Counter {
        long count(Path where) throws IOException;
    }

    /**
     * Records, deletes {@code toDelete} under the live application, records on: the deletion is seen
     * (DEGRADED, a batch lost), the store recreated, and what it holds is exactly what was persisted
     * after the deletion. Returns the ended application, for its standard error.
     */
    private ChildApp deleteWhileRecording(Launch launch, Path store, Path toDelete, Counter events) throws Exception {
        try (ChildApp app = start(launch)) {
            app.awaitReady();
            app.ask("run 1000");
            Stats before = app.settle();
            assertThat(events.count(store)).isEqualTo(before.persisted());

            deleteTree(toDelete);
            assertThat(app.ask("run 1000")).isEqualTo("ran 1000 mismatches 0");
            app.settle();
            assertThat(app.ask("health")).startsWith("health DEGRADED").contains("was deleted under this process");
            assertThat(app.ask("run 500")).isEqualTo("ran 500 mismatches 0");
            Stats last = Stats.parse(app.quit());

            last.assertConserved();
            assertThat(last.lost())
                    .as("the batch written into the deleted file")
                    .isPositive();
            assertThat(events.count(store))
                    .as("the recreated store holds what was persisted after the deletion")
                    .isEqualTo(last.persisted() - before.persisted());
            return app;
        }
    }

    /**
     * A real full file system: a 16 MiB tmpfs mounted for the test (this needs root, as CI has; where
     * mounting is refused the test is skipped, saying so, rather than faked with a wrapper).
     */
    @Test
    void chronicleOnAFileSystemThatFillsUp_refusesBatchesWithoutCorruptionAndResumesOnceSpaceIsFreed()
            throws Exception {
        ChildApp app = fillWhileRecording(
                "events", store -> "-Dtelltale.store.dir=" + store, FaultInjectionTest::chronicleEvents);

        assertThat(app.telltaleErrorLines()).first().asString().contains("no space left on the file system");
        assertThat(app.telltaleErrorLines()).last().asString().contains("works again");
        assertThat(app.stderrText()).doesNotContain("InternalError");
    }

    @Test
    void jsonlOnAFileSystemThatFillsUp_losesOnlyWhatDidNotFitAndResumesOnceSpaceIsFreed() throws Exception {
        ChildApp app = fillWhileRecording(
                "events.jsonl", store -> "-Dtelltale.store.path=" + store, FaultInjectionTest::jsonlEvents);

        assertThat(app.telltaleErrorLines()).first().asString().contains("No space left on device");
    }

    /**
     * Records into {@code name} on a 16 MiB tmpfs, fills the file system, frees it, records on: the full
     * disk costs events (lost or dropped, counted), everything after recovery is persisted, and the
     * store holds exactly what was persisted (no partial event). Returns the ended application.
     */
    private ChildApp fillWhileRecording(String name, java.util.function.Function<Path, String> setting, Counter events)
            throws Exception {
        Path mount = Files.createDirectories(dir.resolve("small-fs"));
        try (TmpfsMount fs = TmpfsMount.mount(mount, "16m")) {
            Path store = mount.resolve(name);
            try (ChildApp app = start(Launch.of(setting.apply(store)))) {
                app.awaitReady();
                app.ask("run 2000");
                assertThat(app.settle().lost()).isZero();

                Stats recovered = fillThenFree(app, fs);
                assertThat(app.ask("run 2000")).isEqualTo("ran 2000 mismatches 0");
                Stats last = Stats.parse(app.quit());

                last.assertConserved();
                assertThat(last.lost() + last.dropped())
                        .as("the full disk cost events")
                        .isPositive();
                assertThat(last.persisted() - recovered.persisted())
                        .as("everything after recovery persisted")
                        .isEqualTo(last.emitted() - recovered.emitted());
                assertThat(events.count(store))
                        .as("the store holds exactly what was persisted")
                        .isEqualTo(last.persisted());
                // And the store holds the recorder's account of what the full disk cost.
                List<DslEvent> written = everythingIn(store);
                EventPayload.RecorderAccount closing = Accounts.finalAccount(written);
                assertThat(closing.lostTotal()).isEqualTo(last.lost());
                assertThat(closing.droppedTotal()).isEqualTo(last.dropped());
                assertThat(closing.persisted()).isEqualTo(last.persisted());
                assertThat(Accounts.accounts(written).stream()
                                .mapToLong(EventPayload.RecorderAccount::lost)
                                .sum())
                        .as("the accounts add up to what was lost, one refused by the full disk carried into the next")
                        .isEqualTo(last.lost());
                return app;
            }
        }
    }

    /**
     * The writer killed with {@code kill -9} at random moments, from its very first milliseconds on,
     * over and over on the same queue: every later run still starts, records and is read back whole.
     */
    @Test
    void chronicleWriterKilledAtRandomMoments_laterRunsStillRecordEverythingAndTheQueueReads() throws Exception {
        Path queue = dir.resolve("events");
        killRepeatedly(Launch.of("-Dtelltale.store.dir=" + queue), 42);
        // A kill while a writer created the cycle file can leave its header unfinished: readers then
        // refuse it (naming it) until the next writer repairs it, so count the survivors past it.
        List<Path> damagedAfterKills = new ArrayList<>();
        long survivors = chronicleEvents(queue, damagedAfterKills);

        try (ChildApp app = start(Launch.of("-Dtelltale.store.dir=" + queue).withSlf4jProvider())) {
            app.awaitReady();
            assertThat(app.ask("run 1000")).isEqualTo("ran 1000 mismatches 0");
            // A writer killed inside an append leaves Chronicle's write lock (and maybe a half-written
            // header) behind; the next writer's drain recovers them, which can take Chronicle's own
            // timeout. The application does not wait for that; its events wait in the queue.
            try {
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> Stats.parse(app.ask("stats")).pending() == 0);
            } catch (org.awaitility.core.ConditionTimeoutException stuck) {
                throw new AssertionError(
                        "the drain did not recover; files " + listing(queue) + "; drain thread " + app.drainStack()
                                + "; stderr " + app.stderrText(),
                        stuck);
            }
            Stats last = Stats.parse(app.quit());

            last.assertConserved();
            assertThat(last.persisted())
                    .as("nothing lost or dropped after the kills")
                    .isEqualTo(last.emitted())
                    .isEqualTo(1002);
            if (damagedAfterKills.isEmpty()) {
                assertThat(chronicleEvents(queue)).isEqualTo(survivors + 1002);
            } else {
                assertThat(chronicleEvents(queue))
                        .as("the writer repaired %s", damagedAfterKills)
                        .isGreaterThanOrEqualTo(survivors + 1002);
            }
            assertThat(app.telltaleErrorLines()).isEmpty();
        }
    }

    private static String listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName() + " " + file.toFile().length())
                    .toList()
                    .toString();
        }
    }

    @Test
    void jsonlWriterKilledAtRandomMoments_laterRunsStillRecordEverythingAndTheFileReads() throws Exception {
        Path file = dir.resolve("events.jsonl");
        killRepeatedly(Launch.of("-Dtelltale.store.path=" + file), 7);
        long survivors = 0;
        if (Files.exists(file)) {
            try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.SKIP)) {
                survivors = applicationEvents(reader);
            }
        }

        try (ChildApp app = start(Launch.of("-Dtelltale.store.path=" + file))) {
            app.awaitReady();
            assertThat(app.ask("run 1000")).isEqualTo("ran 1000 mismatches 0");
            Stats last = Stats.parse(app.quit());

            last.assertConserved();
            assertThat(last.persisted()).isEqualTo(last.emitted()).isEqualTo(1002);
            try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.SKIP)) {
                assertThat(applicationEvents(reader)).isEqualTo(survivors + 1002);
                assertThat(reader.skippedLines())
                        .as("at most one torn line per kill")
                        .isLessThanOrEqualTo(KILLS);
            }
        }
    }

    /**
     * Starts the application {@value #KILLS} times and kills it with {@code kill -9}: every other time
     * within its first 600 ms (while it starts, maybe before it has opened anything), the others
     * while it records commands as fast as it can.
     */
    private void killRepeatedly(Launch launch, long seed) throws Exception {
        Random random = new Random(seed);
        for (int round = 0; round < KILLS; round++) {
            try (ChildApp app = start(launch)) {
                boolean whileRecording = round % 2 == 1;
                if (whileRecording) {
                    app.awaitReady();
                    app.ask("loop");
                }
                // Kill at a random moment, unless it ended by itself (it does not: it waits for requests).
                app.exitsWithin(random.nextInt(whileRecording ? 300 : 600));
                app.kill();
            }
        }
    }

    /**
     * Fills the file system while the application records, waits until Telltale says it is degraded,
     * frees the space and waits until everything pending was handled; returns the stats then.
     */
    private static Stats fillThenFree(ChildApp app, TmpfsMount fs) throws Exception {
        Path filler = fs.fill();
        assertThat(app.ask("run 3000")).isEqualTo("ran 3000 mismatches 0");
        await().atMost(Duration.ofSeconds(30)).until(() -> app.ask("health").startsWith("health DEGRADED"));
        assertThat(app.ask("run 1000")).isEqualTo("ran 1000 mismatches 0");

        Files.delete(filler);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Stats.parse(app.ask("stats")).pending() == 0);
        return Stats.parse(app.ask("stats"));
    }

    /** The events the queue holds, refusing damaged cycle files; 0 when no writer got as far as creating a cycle file. */
    static long chronicleEvents(Path queue) throws IOException {
        return chronicleEvents(queue, null);
    }

    /** As {@link #chronicleEvents(Path)}; with {@code skipped} not null, reads past damaged cycle files and lists them there. */
    static long chronicleEvents(Path queue, List<Path> skipped) throws IOException {
        if (!Files.isDirectory(queue)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(queue)) {
            if (files.noneMatch(file -> file.toString().endsWith(".cq4"))) {
                return 0;
            }
        }
        long count = 0;
        try (EventLog log = EventLog.open(queue, skipped != null);
                EventCursor cursor = log.cursor(new Position.Start())) {
            if (skipped != null) {
                skipped.addAll(log.skippedFiles());
            }
            for (RecordedEvent event = cursor.next(); event != null; event = cursor.next()) {
                if (event.event().type() != EventType.RECORDER_ACCOUNT) {
                    count++;
                }
            }
            cursor.requireAtEnd();
        }
        return count;
    }

    /** Everything a store holds, the recorder's accounts included, read through the reading SPI. */
    static List<DslEvent> everythingIn(Path store) throws IOException {
        List<DslEvent> events = new ArrayList<>();
        try (EventSource source = EventSources.open(
                        store.toString(), SourceOptions.builder().build());
                EventCursor cursor = source.cursor(new Position.Start(), false)) {
            for (RecordedEvent event = cursor.next(); event != null; event = cursor.next()) {
                events.add(event.event());
            }
            cursor.requireAtEnd();
        }
        return events;
    }

    /** The events a JSON Lines file holds that are not the recorder's accounts. */
    private static long applicationEvents(JsonlReader reader) {
        return reader.events()
                .filter(event -> event.type() != EventType.RECORDER_ACCOUNT)
                .count();
    }

    static long jsonlEvents(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.FAIL)) {
            return applicationEvents(reader);
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
