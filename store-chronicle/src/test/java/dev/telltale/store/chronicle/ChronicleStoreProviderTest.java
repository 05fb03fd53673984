package dev.telltale.store.chronicle;

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

class ChronicleStoreProviderTest {

    @TempDir
    Path dir;

    @Test
    void serviceLoader_findsTheProviderNamedChronicle() {
        assertThat(provider()).isInstanceOf(ChronicleStoreProvider.class);
    }

    @Test
    void open_writesToTheConfiguredDirectory_creatingIt() throws IOException {
        Path queue = dir.resolve("var/telltale");
        StoreConfig config = StoreConfig.of(
                "chronicle",
                Map.of(
                        "dir",
                        queue.toString(),
                        "roll-cycle",
                        "FAST_DAILY",
                        "retain-cycles",
                        "48",
                        "retain-days",
                        "7",
                        "pretouch",
                        "FALSE"));

        try (EventStore store = provider().open(config)) {
            store.append(List.of(ContractEvents.started()));
            store.flush();
            assertThat(store.describe()).isEqualTo("chronicle " + queue.toAbsolutePath() + " (FAST_DAILY)");
        }

        assertThat(TestEvents.readAll(queue)).containsExactly(ContractEvents.started());
        assertThat(CycleFileNames.in(queue)).singleElement().asString().endsWith("F.cq4");
    }

    @Test
    void open_withOnlyTheDirectory_usesFastHourly() throws IOException {
        StoreConfig config = StoreConfig.of("chronicle", Map.of("dir", dir.toString()));

        try (EventStore store = provider().open(config)) {
            assertThat(store.describe()).endsWith("(FAST_HOURLY)");
        }
    }

    @Test
    void open_whenDirIsMissing_namesTheSetting() {
        StoreConfig config = StoreConfig.of("chronicle", Map.of("roll-cycle", "FAST_HOURLY"));

        assertThatThrownBy(() -> provider().open(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("store 'chronicle' needs the setting 'dir'");
    }

    @Test
    void open_whenRollCycleIsUnknown_namesTheValueAndTheChoices() {
        StoreConfig config = StoreConfig.of("chronicle", Map.of("dir", dir.toString(), "roll-cycle", "hourly"));

        assertThatThrownBy(() -> provider().open(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "store 'chronicle' setting 'roll-cycle': expected a Chronicle roll cycle such as ")
                .hasMessageContaining("FAST_HOURLY")
                .hasMessageEndingWith("got 'hourly'");
    }

    @Test
    void open_whenRetainDaysIsNotPositive_namesTheValue() {
        StoreConfig config = StoreConfig.of("chronicle", Map.of("dir", dir.toString(), "retain-days", "0"));

        assertThatThrownBy(() -> provider().open(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("store 'chronicle' setting 'retain-days': expected a positive integer, got '0'");
    }

    @Test
    void open_whenRetainCyclesIsNotANumber_namesTheValue() {
        StoreConfig config = StoreConfig.of("chronicle", Map.of("dir", dir.toString(), "retain-cycles", "many"));

        assertThatThrownBy(() -> provider().open(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("store 'chronicle' setting 'retain-cycles': expected a positive integer, got 'many'");
    }

    @Test
    void open_whenPretouchIsNotABoolean_namesTheValue() {
        StoreConfig config = StoreConfig.of("chronicle", Map.of("dir", dir.toString(), "pretouch", "yes"));

        assertThatThrownBy(() -> provider().open(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("store 'chronicle' setting 'pretouch': expected true or false, got 'yes'");
    }

    @Test
    void open_whenASettingIsMisspelt_namesItAndTheKnownOnes() {
        StoreConfig config = StoreConfig.of("chronicle", Map.of("dir", dir.toString(), "retain-hours", "5"));

        assertThatThrownBy(() -> provider().open(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("store 'chronicle' has no setting retain-hours "
                        + "(known: access, dir, pretouch, retain-cycles, retain-days, roll-cycle)");
    }

    private static EventStoreProvider provider() {
        return ServiceLoader.load(EventStoreProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals("chronicle"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no EventStoreProvider named chronicle"));
    }

    @Test
    void identifyingSettings_isTheDirectory() {
        assertThat(new ChronicleStoreProvider().identifyingSettings()).containsExactly("dir");
    }

    @Test
    void validate_checksTheSettingsWithoutCreatingAnything() {
        Path queue = dir.resolve("not-yet");
        ChronicleStoreProvider provider = new ChronicleStoreProvider();

        provider.validate(StoreConfig.of("chronicle", Map.of("dir", queue.toString())));
        assertThat(queue).doesNotExist();
        assertThatThrownBy(() -> provider.validate(
                        StoreConfig.of("chronicle", Map.of("dir", queue.toString(), "roll-cycle", "WEEKLYISH"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("store 'chronicle' setting 'roll-cycle': ");
    }

    @Test
    void jvmFlags_theBuildStartsTestsWithThem() {
        assertThat(JvmFlags.missing()).isEmpty();
    }
}
