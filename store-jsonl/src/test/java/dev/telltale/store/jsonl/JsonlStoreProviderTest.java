package dev.telltale.store.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.EventStoreProvider;
import dev.telltale.api.store.StoreConfig;
import dev.telltale.api.store.contract.ContractEvents;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlStoreProviderTest {

    @TempDir
    Path dir;

    @Test
    void serviceLoader_findsTheProviderNamedJsonl() {
        assertThat(provider()).isInstanceOf(JsonlStoreProvider.class);
    }

    @Test
    void open_writesToTheConfiguredPath() throws IOException {
        Path file = dir.resolve("logs/events.jsonl");
        StoreConfig config = StoreConfig.of("jsonl", Map.of("path", file.toString(), "fsync", "TRUE"));

        try (EventStore store = provider().open(config)) {
            store.append(List.of(ContractEvents.started()));
            assertThat(store.describe()).isEqualTo("jsonl " + file.toAbsolutePath());
        }

        assertThat(TestEvents.readAll(file)).containsExactly(ContractEvents.started());
    }

    @Test
    void open_whenPathIsMissing_namesTheSetting() {
        StoreConfig config = StoreConfig.of("jsonl", Map.of("fsync", "true"));

        assertThatThrownBy(() -> provider().open(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("store 'jsonl' needs the setting 'path'");
    }

    @Test
    void open_whenFsyncIsNotABoolean_namesTheValue() {
        StoreConfig config =
                StoreConfig.of("jsonl", Map.of("path", dir.resolve("e.jsonl").toString(), "fsync", "yes"));

        assertThatThrownBy(() -> provider().open(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("store 'jsonl' setting 'fsync': expected true or false, got 'yes'");
    }

    @Test
    void open_whenASettingIsMisspelt_namesItAndTheKnownOnes() {
        StoreConfig config =
                StoreConfig.of("jsonl", Map.of("path", dir.resolve("e.jsonl").toString(), "fsynk", "true"));

        assertThatThrownBy(() -> provider().open(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("store 'jsonl' has no setting fsynk (known: access, fsync, path)");
    }

    private static EventStoreProvider provider() {
        return ServiceLoader.load(EventStoreProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals("jsonl"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no EventStoreProvider named jsonl"));
    }

    @Test
    void identifyingSettings_isThePath() {
        assertThat(new JsonlStoreProvider().identifyingSettings()).containsExactly("path");
    }

    @Test
    void validate_checksTheSettingsWithoutCreatingAnything() {
        Path file = dir.resolve("sub/events.jsonl");
        JsonlStoreProvider provider = new JsonlStoreProvider();

        provider.validate(StoreConfig.of("jsonl", Map.of("path", file.toString())));
        assertThat(file.getParent()).doesNotExist();
        assertThatThrownBy(() ->
                        provider.validate(StoreConfig.of("jsonl", Map.of("path", file.toString(), "fsync", "maybe"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fsync'");
        assertThatThrownBy(() -> provider.validate(StoreConfig.of("jsonl", Map.of())))
                .hasMessageContaining("'path'");
    }
}
