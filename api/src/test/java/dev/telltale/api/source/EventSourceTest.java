package dev.telltale.api.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every source gets from the interface's defaults: the last N found reading twice, an export cursor. */
class EventSourceTest {

    /** Events v0..v9, at positions 10..100; odd ones failed. */
    private final EventSource source = new MemorySourceProvider.ListSource(events());

    private static List<DslEvent> events() {
        List<DslEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(
                    i % 2 == 0
                            ? DslEvent.succeeded(i, null, "v" + i, 1)
                            : DslEvent.failed(i, null, "v" + i, 1, new IllegalStateException()));
        }
        return events;
    }

    private static boolean failed(DslEvent event) {
        return event.payload() instanceof dev.telltale.api.EventPayload.CommandFailed;
    }

    @Test
    void startOfLast_isTheOldestOfTheLastNThatPass() throws IOException {
        assertThat(source.startOfLast(EventSourceTest::failed, 2)).isEqualTo(new Position.AtIndex(80));
        assertThat(source.startOfLast(event -> true, 1)).isEqualTo(new Position.AtIndex(100));
    }

    @Test
    void startOfLast_moreThanPass_isTheFirstThatPasses() throws IOException {
        assertThat(source.startOfLast(EventSourceTest::failed, 99)).isEqualTo(new Position.AtIndex(20));
    }

    @Test
    void startOfLast_noneOrNothingPasses_isTheEnd() throws IOException {
        assertThat(source.startOfLast(event -> false, 3)).isEqualTo(new Position.End());
        assertThat(source.startOfLast(event -> true, 0)).isEqualTo(new Position.End());
        assertThat(source.startOfLast(event -> true, -1)).isEqualTo(new Position.End());
    }

    @Test
    void exportCursor_byDefault_isAPlainCursorAtTheGivenPosition() throws IOException {
        try (EventCursor cursor = source.exportCursor("nightly", new Position.AtIndex(30), false)) {
            assertThat(cursor.next().position()).isEqualTo(30);
            cursor.commit();
            assertThat(cursor.next().position()).isEqualTo(40);
        }
        try (EventCursor cursor = source.exportCursor(null, new Position.Start(), true)) {
            assertThat(cursor.next().position()).isEqualTo(10);
            cursor.requireAtEnd();
        }
    }

    @Test
    void exportCursor_following_byDefault_isAFollowingCursor_otherwiseTheThreeArgumentOne() throws IOException {
        List<String> asked = new ArrayList<>();
        EventSource recording = new MemorySourceProvider.ListSource(events()) {
            @Override
            public EventCursor cursor(Position from, boolean following) {
                asked.add("cursor " + following);
                return super.cursor(from, following);
            }

            @Override
            public EventCursor exportCursor(String name, Position from, boolean firstRun) throws IOException {
                asked.add("export " + name);
                return super.exportCursor(name, from, firstRun);
            }
        };

        try (EventCursor cursor = recording.exportCursor("nightly", new Position.AtIndex(30), false, true)) {
            assertThat(cursor.next().position()).isEqualTo(30);
        }
        recording.exportCursor("nightly", new Position.Start(), true, false).close();

        assertThat(asked).containsExactly("cursor true", "export nightly", "cursor false");
    }
}
