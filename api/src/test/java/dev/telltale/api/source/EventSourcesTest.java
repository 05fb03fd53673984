package dev.telltale.api.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The door for reading, with the providers the api's tests register: {@code memory} (reads
 * {@code memory:NAME}), one whose {@code accepts} throws, and one whose class does not exist.
 */
class EventSourcesTest {

    @TempDir
    Path dir;

    private static List<DslEvent> put(String name, int count) {
        List<DslEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(DslEvent.succeeded(1_000L * i, null, "v" + i, 1));
        }
        MemorySourceProvider.EVENTS.put(name, events);
        return events;
    }

    @Test
    void providers_areThoseThatLoad_inTheOrderOfTheirNames() {
        assertThat(EventSources.providers())
                .extracting(EventSourceProvider::name)
                .containsExactly("aaa-throwing", "memory");
    }

    @Test
    void open_opensWithTheProviderThatAccepts_passingTheOptions() throws IOException {
        List<DslEvent> events = put("open", 3);
        List<String> warnings = new ArrayList<>();

        try (EventSource source = EventSources.open(
                        "memory:open",
                        SourceOptions.builder().warnings(warnings::add).build());
                EventCursor cursor = source.cursor(new Position.Start(), false)) {
            assertThat(cursor.next()).isEqualTo(new RecordedEvent(10, events.get(0)));
            assertThat(source.describe()).isEqualTo("memory");
        }
        assertThat(warnings).containsExactly("opened memory:open");
    }

    @Test
    void providerFor_passesOverAProviderThatThrows() {
        assertThat(EventSources.providerFor("memory:x"))
                .map(EventSourceProvider::name)
                .contains("memory");
        assertThat(EventSources.providerFor("elsewhere")).isEmpty();
    }

    @Test
    void open_whereNoProviderAccepts_saysInOneLineWhatEachReads() throws IOException {
        Path missing = dir.resolve("missing");
        Path file = Files.writeString(dir.resolve("file.txt"), "x");

        assertThatThrownBy(() -> EventSources.open(missing.toString(), SourceOptions.defaults()))
                .isInstanceOf(EventSourceException.class)
                .hasMessage("no event source reads '" + missing + "' (no such file or directory);"
                        + " aaa-throwing reads nothing, it throws; memory reads memory:NAME");
        assertThatThrownBy(() -> EventSources.open(dir.toString(), SourceOptions.defaults()))
                .hasMessageStartingWith("no event source reads '" + dir + "' (a directory); ");
        assertThatThrownBy(() -> EventSources.open(file.toString(), SourceOptions.defaults()))
                .hasMessageStartingWith("no event source reads '" + file + "' (a file); ");
        assertThatThrownBy(() -> EventSources.open("\0", SourceOptions.defaults()))
                .hasMessageStartingWith("no event source reads '\0'; ");
    }

    @Test
    void noneAccepts_cutsALongLocation_andSaysWhenThereAreNoProviders() {
        String message = EventSources.noneAccepts("x".repeat(300), List.of());

        assertThat(message)
                .startsWith("no event source reads '" + "x".repeat(200) + "...' (no such file or directory):"
                        + " no event source provider is on the class path")
                .doesNotContain("\n");
    }

    @Test
    void open_refusesNulls() {
        assertThatThrownBy(() -> EventSources.open(null, SourceOptions.defaults()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> EventSources.open("memory:x", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> EventSources.providerFor(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void providers_withAContextClassLoaderThatSeesNone_comeFromTheApisOwnLoader() throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            thread.setContextClassLoader(empty);
            assertThat(EventSources.providers())
                    .extracting(EventSourceProvider::name)
                    .contains("memory");
            thread.setContextClassLoader(null);
            assertThat(EventSources.providers())
                    .extracting(EventSourceProvider::name)
                    .contains("memory");
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void sourceOptions_defaultFailOnDamageAndTellNobody() {
        assertThat(SourceOptions.defaults().skipDamaged()).isFalse();
        SourceOptions.defaults().warnings().accept("goes nowhere");
        assertThat(SourceOptions.builder().skipDamaged(true).build().skipDamaged())
                .isTrue();
        assertThatThrownBy(() -> SourceOptions.builder().warnings(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void recordedEvent_needsItsEvent() {
        assertThatThrownBy(() -> new RecordedEvent(1, null)).isInstanceOf(NullPointerException.class);
    }
}
