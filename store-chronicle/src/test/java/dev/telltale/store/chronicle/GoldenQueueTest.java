package dev.telltale.store.chronicle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in queue written by layout version 1 (see {@link GoldenQueue}) still reads as exactly the
 * events written. If this fails, a change broke reading files that users already have: keep decoding
 * version 1 and write a new version instead.
 */
class GoldenQueueTest {

    /** The index of the first event: cycle 20261127-04 of FAST_HOURLY, sequence 0. */
    private static final long FIRST_INDEX = 0x79c8400000000L;

    @TempDir
    Path copy;

    @BeforeEach
    void copyTheGoldenQueue() throws IOException, URISyntaxException {
        URL resource = getClass().getClassLoader().getResource(GoldenQueue.RESOURCE_DIR);
        assertThat(resource).as("test resource " + GoldenQueue.RESOURCE_DIR).isNotNull();
        Path golden = Path.of(resource.toURI());
        try (Stream<Path> files = Files.list(golden)) {
            files.forEach(file -> {
                try {
                    Files.copy(file, copy.resolve(file.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void goldenQueue_holdsOneCycleFileAndTheMetadata() throws IOException {
        try (Stream<Path> files = Files.list(copy)) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted())
                    .containsExactly(GoldenQueue.CYCLE_FILE, "metadata.cq4t");
        }
    }

    @Test
    void cursorFromStart_readsExactlyTheGoldenEventsAtTheirIndexes() throws IOException {
        List<RecordedEvent> read = TestEvents.recordedFrom(copy, new Position.Start());

        assertThat(read).extracting(RecordedEvent::event).containsExactlyElementsOf(GoldenQueue.EVENTS);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).position()).as("index of event %d", i).isEqualTo(FIRST_INDEX + i);
        }
    }

    @Test
    void cursorAtIndexAndAtTime_findTheGoldenEvents() throws IOException {
        assertThat(TestEvents.recordedFrom(copy, new Position.AtIndex(FIRST_INDEX + 8)))
                .extracting(RecordedEvent::event)
                .containsExactlyElementsOf(GoldenQueue.EVENTS.subList(8, 10));
        Instant fourth = GoldenQueue.EVENTS.get(3).timestamp();
        assertThat(TestEvents.recordedFrom(copy, new Position.AtTime(fourth)))
                .extracting(RecordedEvent::event)
                .containsExactlyElementsOf(GoldenQueue.EVENTS.subList(3, 10));
    }

    @Test
    void writingTheGoldenEventsToday_givesTheSameEventsBack(@TempDir Path fresh) throws IOException {
        GoldenQueue.write(fresh);

        assertThat(TestEvents.readAll(fresh)).containsExactlyElementsOf(TestEvents.readAll(copy));
    }
}
