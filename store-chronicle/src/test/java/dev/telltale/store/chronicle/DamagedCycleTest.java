package dev.telltale.store.chronicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventPayload;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.EventSourceException;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cycle file that the queue lists but that is empty, zero-filled (a crash right after a roll
 * preallocated it), never finished or cut short: first, middle or last. A reader names it and
 * refuses, in well under Chronicle's twenty-second wait, or with {@code skipDamaged} reads every
 * event of the other cycles, never stopping short without saying so.
 */
class DamagedCycleTest {

    private static final int CYCLES = 3;
    private static final int EVENTS_PER_CYCLE = 5;

    enum Damage {
        EMPTY("the file is empty"),
        ZERO_FILLED("its header is all zeros"),
        HEADER_NOT_COMPLETE("its header was never completed"),
        CUT_SHORT("shorter than its");

        final String says;

        Damage(String says) {
            this.says = says;
        }

        void applyTo(Path file) throws IOException {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                switch (this) {
                    case EMPTY -> raf.setLength(0);
                    case ZERO_FILLED -> raf.write(new byte[64 * 1024]);
                    case HEADER_NOT_COMPLETE -> {
                        raf.seek(3);
                        int top = raf.read();
                        raf.seek(3);
                        raf.write(top | 0x80);
                    }
                    case CUT_SHORT -> raf.setLength(16);
                }
            }
        }
    }

    static Stream<Arguments> damages() {
        List<Arguments> all = new ArrayList<>();
        for (Damage damage : Damage.values()) {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                all.add(Arguments.of(damage, cycle));
            }
        }
        return all.stream();
    }

    @TempDir
    Path dir;

    /** Three cycle files (one a second), five events each, verbs {@code c0}, {@code c1}, {@code c2}. */
    private List<Path> writeThreeCycles() throws IOException {
        return writeThreeCycles(1_000);
    }

    /** As {@link #writeThreeCycles()}, with {@code stepMillis} between the cycles (2,000: a missing cycle between each). */
    private List<Path> writeThreeCycles(long stepMillis) throws IOException {
        AtomicLong clock = new AtomicLong(Instant.parse("2026-11-27T04:00:00Z").toEpochMilli());
        try (ChronicleEventStore store = ChronicleEventStore.builder(dir)
                .rollCycle("TEST_SECONDLY")
                .clock(clock::get)
                .open()) {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                for (int i = 0; i < EVENTS_PER_CYCLE; i++) {
                    store.append(List.of(DslEvent.succeeded(i, null, "c" + cycle, 1)));
                }
                clock.addAndGet(stepMillis);
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".cq4"))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0} cycle {1}")
    @MethodSource("damages")
    void open_refusesNamingTheFileAndWhatIsWrong(Damage damage, int damagedCycle) throws IOException {
        Path damaged = writeThreeCycles().get(damagedCycle);
        damage.applyTo(damaged);

        assertThatThrownBy(() -> EventLog.open(dir))
                .isInstanceOf(EventSourceException.class)
                .hasMessageStartingWith(damaged + ": damaged cycle file: ")
                .hasMessageContaining(damage.says)
                .hasMessageEndingWith("(--skip-damaged reads past them)");
    }

    @ParameterizedTest(name = "{0} cycle {1}")
    @MethodSource("damages")
    void skipDamaged_readsEveryEventOfTheOtherCyclesAndReachesTheEnd(Damage damage, int damagedCycle)
            throws IOException {
        Path damaged = writeThreeCycles().get(damagedCycle);
        damage.applyTo(damaged);
        if (damage == Damage.CUT_SHORT && damagedCycle == 0) {
            // Chronicle reads the first cycle file's header whenever a reader is created, so a first
            // file cut short inside its header cannot be stepped over: the error names it (docs/cli.md
            // says to move it away).
            try (EventLog log = EventLog.open(dir, true)) {
                assertThatThrownBy(() -> log.cursor(new Position.Start()))
                        .isInstanceOf(EventSourceException.class)
                        .hasMessageStartingWith(damaged + ": ");
            }
            return;
        }

        List<String> verbs = new ArrayList<>();
        try (EventLog log = EventLog.open(dir, true);
                EventCursor cursor = log.cursor(new Position.Start())) {
            assertThat(log.skippedFiles()).containsExactly(damaged);
            for (RecordedEvent next = cursor.next(); next != null; next = cursor.next()) {
                verbs.add(((EventPayload.CommandSucceeded) next.event().payload()).verb());
            }
            cursor.requireAtEnd();
        }

        List<String> expected = new ArrayList<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            if (cycle != damagedCycle) {
                for (int i = 0; i < EVENTS_PER_CYCLE; i++) {
                    expected.add("c" + cycle);
                }
            }
        }
        assertThat(verbs).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void skipDamaged_whenCyclesAreNotConsecutive_stepsOverTheDamagedOneAndTheGaps() throws IOException {
        List<Path> files = writeThreeCycles(2_000);
        Damage.ZERO_FILLED.applyTo(files.get(1));

        List<String> verbs = new ArrayList<>();
        try (EventLog log = EventLog.open(dir, true);
                EventCursor cursor = log.cursor(new Position.Start())) {
            for (RecordedEvent next = cursor.next(); next != null; next = cursor.next()) {
                verbs.add(((EventPayload.CommandSucceeded) next.event().payload()).verb());
            }
            cursor.requireAtEnd();
        }

        assertThat(verbs).containsExactly("c0", "c0", "c0", "c0", "c0", "c2", "c2", "c2", "c2", "c2");
    }

    @org.junit.jupiter.api.Test
    void newestFirst_readsEveryCycleBackwardsFromTheNewestEvent() throws IOException {
        writeThreeCycles(2_000);

        List<String> verbs = new ArrayList<>();
        try (EventLog log = EventLog.open(dir);
                EventCursor newest = log.newestFirst()) {
            for (RecordedEvent next = newest.next(); next != null; next = newest.next()) {
                verbs.add(((EventPayload.CommandSucceeded) next.event().payload()).verb() + "#"
                        + next.event().epochNanos());
            }
        }

        List<String> expected = new ArrayList<>();
        for (int cycle = CYCLES - 1; cycle >= 0; cycle--) {
            for (int i = EVENTS_PER_CYCLE - 1; i >= 0; i--) {
                expected.add("c" + cycle + "#" + i);
            }
        }
        assertThat(verbs).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void skipDamaged_whenEveryCycleFileIsDamaged_readsNothingAndSaysItIsAtTheEnd() throws IOException {
        for (Path file : writeThreeCycles()) {
            Damage.HEADER_NOT_COMPLETE.applyTo(file);
        }

        try (EventLog log = EventLog.open(dir, true)) {
            assertThat(log.skippedFiles()).hasSize(CYCLES);
            for (Position from : List.of(new Position.Start(), new Position.End())) {
                try (EventCursor cursor = log.cursor(from)) {
                    assertThat(cursor.next()).isNull();
                    cursor.requireAtEnd();
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void skipDamaged_fromTheEnd_whenTheLastCycleIsDamaged_startsAfterTheLastGoodEvent() throws IOException {
        List<Path> files = writeThreeCycles();
        Damage.ZERO_FILLED.applyTo(files.get(CYCLES - 1));

        try (EventLog log = EventLog.open(dir, true);
                EventCursor cursor = log.cursor(new Position.End())) {
            assertThat(cursor.next()).isNull();
            cursor.requireAtEnd();
        }
    }
}
