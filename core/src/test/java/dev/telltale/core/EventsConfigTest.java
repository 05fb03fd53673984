package dev.telltale.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EventsConfigTest {

    private static Properties props(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void builder_defaults_areTheDocumentedOnes() {
        EventsConfig config = EventsConfig.builder().build();

        assertThat(config.enabled()).isTrue();
        assertThat(config.bufferSize())
                .isEqualTo(EventsConfig.defaultBufferSize(
                        config.stripes(), Runtime.getRuntime().maxMemory()));
        assertThat(config.batchSize()).isEqualTo(512);
        assertThat(config.flushInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.closeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(Integer.bitCount(config.stripes())).as("a power of two").isEqualTo(1);
        assertThat(config.stripes())
                .isGreaterThanOrEqualTo(2 * Runtime.getRuntime().availableProcessors())
                .isLessThanOrEqualTo(Math.max(EventsConfig.MAX_DEFAULT_STRIPES, 1));
    }

    @Test
    void defaultBufferSize_absorbs65msOfAMillionEventsASecond_unlessTheHeapIsSmall() {
        long mib = 1L << 20;
        // 4 stripes x 65,536 x 128 B = 32 MiB, a sixteenth of 512 MiB.
        assertThat(EventsConfig.defaultBufferSize(4, 512 * mib)).isEqualTo(65_536);
        assertThat(EventsConfig.defaultBufferSize(4, 512 * mib - 1)).isEqualTo(32_768);
        assertThat(EventsConfig.defaultBufferSize(3, 512 * mib))
                .as("3 stripes are 4")
                .isEqualTo(65_536);
        assertThat(EventsConfig.defaultBufferSize(64, 512 * mib)).isEqualTo(4096);
        assertThat(EventsConfig.defaultBufferSize(64, 64 * mib))
                .as("never below the floor")
                .isEqualTo(4096);
        assertThat(EventsConfig.builder().bufferSize(16).build().bufferSize())
                .as("a set size is kept")
                .isEqualTo(16);
    }

    @Test
    void overrideFrom_systemPropertyBeatsEnvironmentWhichBeatsCode() {
        EventsConfig config = EventsConfig.builder()
                .bufferSize(16)
                .batchSize(8)
                .overrideFrom(
                        Map.of("TELLTALE_BUFFER_SIZE", "32", "TELLTALE_BATCH_SIZE", "64"),
                        props("telltale.buffer-size", "128"))
                .build();

        assertThat(config.bufferSize()).isEqualTo(128);
        assertThat(config.batchSize()).isEqualTo(64);
    }

    @Test
    void overrideFrom_readsEverySetting() {
        EventsConfig config = EventsConfig.builder()
                .overrideFrom(
                        Map.of("TELLTALE_STORE_ROLL_CYCLE", "HOURLY", "TELLTALE_ENABLED", "false"),
                        props(
                                "telltale.stripes",
                                "8",
                                "telltale.flush-interval",
                                "250ms",
                                "telltale.close-timeout",
                                "PT3S",
                                "telltale.drop-report-interval",
                                "2m",
                                "telltale.shutdown-hook",
                                "false",
                                "telltale.store",
                                "jsonl",
                                "telltale.store.path",
                                "/tmp/e.jsonl"))
                .build();

        assertThat(config.enabled()).isFalse();
        assertThat(config.stripes()).isEqualTo(8);
        assertThat(config.flushInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.closeTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.dropReportInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.shutdownHook()).isFalse();
        assertThat(config.storeConfig().options())
                .containsEntry("path", "/tmp/e.jsonl")
                .containsEntry("roll-cycle", "HOURLY");
    }

    @Test
    void overrideFrom_whenValueIsWrong_namesTheSettingAndTheValue() {
        assertThatThrownBy(() -> EventsConfig.builder().overrideFrom(Map.of(), props("telltale.buffer-size", "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("telltale.buffer-size: expected a whole number, got 'lots'");
        assertThatThrownBy(() -> EventsConfig.builder().overrideFrom(Map.of("TELLTALE_FLUSH_INTERVAL", "10"), props()))
                .hasMessage("TELLTALE_FLUSH_INTERVAL: expected a duration such as 250ms, 2s, 5m or PT2S, got '10'");
        assertThatThrownBy(() -> EventsConfig.builder().overrideFrom(Map.of(), props("telltale.batch-size", "0")))
                .hasMessage("telltale.batch-size: batchSize must lie in 1..1048576, got 0");
        assertThatThrownBy(() -> EventsConfig.builder().overrideFrom(Map.of(), props("telltale.enabled", "yes")))
                .hasMessage("telltale.enabled: expected true or false, got 'yes'");
    }

    @Test
    void overrideFrom_whenPropertyIsUnknown_ignoresItWithAWarningNamingIt() {
        EventsConfig config = EventsConfig.builder()
                .bufferSize(64)
                .overrideFrom(Map.of(), props("telltale.bufer-size", "1", "telltale.version", "0.1.0"))
                .build();

        assertThat(config.bufferSize()).isEqualTo(64);
        assertThat(config.warnings()).hasSize(2);
        assertThat(config.warnings().get(0))
                .startsWith("ignored the unknown setting telltale.bufer-size (known: enabled, buffer-size");
        assertThat(config.warnings().get(1)).startsWith("ignored the unknown setting telltale.version");
    }

    @Test
    void overrideFrom_ignoresUnknownEnvironmentVariablesAndOtherProperties() {
        EventsConfig config = EventsConfig.builder()
                .overrideFrom(Map.of("TELLTALE_HOME", "/opt", "PATH", "/bin"), props("java.version", "17"))
                .build();

        assertThat(config.bufferSize()).isEqualTo(EventsConfig.DEFAULT_BUFFER_SIZE);
    }

    @Test
    void setters_rejectBadValuesNamingThem() {
        assertThatThrownBy(() -> EventsConfig.builder().bufferSize(1))
                .hasMessage("bufferSize must lie in 2..1073741824, got 1");
        assertThatThrownBy(() -> EventsConfig.builder().flushInterval(Duration.ZERO))
                .hasMessage("flushInterval must be positive, got PT0S");
        assertThatThrownBy(() -> EventsConfig.builder().closeTimeout(Duration.ofSeconds(-1)))
                .hasMessage("closeTimeout must be positive, got PT-1S");
        assertThatThrownBy(() -> EventsConfig.builder().stripes(0)).hasMessage("stripes must lie in 1..1024, got 0");
        assertThatThrownBy(() -> EventsConfig.builder().store(" ")).hasMessage("store name must not be blank");
    }

    @Test
    void store_whenNotNamed_isTheProviderItsSettingsIdentify() {
        assertThat(EventsConfig.builder()
                        .storeOption("path", "/tmp/e.jsonl")
                        .build()
                        .storeConfig()
                        .name())
                .isEqualTo("jsonl");
        assertThat(EventsConfig.builder()
                        .store("jsonl")
                        .storeOption("dir", "/tmp/q")
                        .build()
                        .storeConfig()
                        .name())
                .as("a named store wins")
                .isEqualTo("jsonl");
    }

    @Test
    void store_whenNothingIdentifiesOne_saysWhatWouldOnTheClassPath() {
        // Only the jsonl store is on this module's test class path: "dir" identifies no store here.
        assertThatThrownBy(() -> EventsConfig.builder()
                        .storeOption("dir", "/tmp/q")
                        .build()
                        .storeConfig())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no event store is configured: set telltale.store to one of ")
                .hasMessageContaining("jsonl (or set telltale.store.path)")
                .hasMessageContaining("probe");
        assertThatThrownBy(() -> EventsConfig.builder().build().storeConfig())
                .hasMessageStartingWith("no event store is configured");
    }

    @Test
    void parseDuration_acceptsShortAndIsoForms() {
        assertThat(ConfigOverrides.parseDuration("15ms")).isEqualTo(Duration.ofMillis(15));
        assertThat(ConfigOverrides.parseDuration("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(ConfigOverrides.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(ConfigOverrides.parseDuration("PT0.5S")).isEqualTo(Duration.ofMillis(500));
    }
}
