package dev.telltale.store.chronicle;

import com.google.auto.service.AutoService;
import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.EventStoreProvider;
import dev.telltale.api.store.FileAccess;
import dev.telltale.api.store.StoreConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * Opens a {@link ChronicleEventStore}: the store named {@value #NAME}. Settings:
 * <ul>
 *   <li>{@value #DIR} (required): the queue directory, one queue per directory, created if missing;
 *   <li>{@value #ROLL_CYCLE}: Chronicle's roll cycle by name, default
 *       {@value ChronicleEventStore#DEFAULT_ROLL_CYCLE} (one file per hour); see
 *       {@link ChronicleEventStore.Builder#rollCycle};
 *   <li>{@value #RETAIN_CYCLES}: keep only the newest N cycle files;
 *   <li>{@value #RETAIN_DAYS}: delete cycle files whose cycle ended more than D days ago;
 *   <li>{@code access}: {@code owner} (default) or {@code group}, who may read what the store creates
 *       ({@link FileAccess});
 *   <li>{@value #PRETOUCH}: {@code true} or {@code false}, default
 *       {@value ChronicleEventStore#DEFAULT_PRETOUCH}: touch the pages ahead at each flush.
 * </ul>
 * Without a retention setting nothing is deleted. Retention never deletes the current cycle nor one a
 * named reader has not passed. Stateless; any thread.
 */
@AutoService(EventStoreProvider.class)
public final class ChronicleStoreProvider implements EventStoreProvider {

    /** The name configurations choose this store by: {@value}. */
    public static final String NAME = "chronicle";

    /** The setting naming the queue directory: {@value}. */
    public static final String DIR = "dir";

    /** The setting naming the roll cycle: {@value}. */
    public static final String ROLL_CYCLE = "roll-cycle";

    /** The setting that keeps only the newest N cycle files: {@value}. */
    public static final String RETAIN_CYCLES = "retain-cycles";

    /** The setting that deletes cycle files older than D days: {@value}. */
    public static final String RETAIN_DAYS = "retain-days";

    /** The setting that turns touching the pages ahead on or off: {@value}. */
    public static final String PRETOUCH = "pretouch";

    @Override
    public String name() {
        return NAME;
    }

    /** {@value #DIR}: a configuration that names no store but sets a directory wants this one. */
    @Override
    public Set<String> identifyingSettings() {
        return Set.of(DIR);
    }

    /**
     * Checks the settings and that this JVM has the flags Chronicle needs, opening nothing.
     *
     * @throws IllegalArgumentException naming a setting that is missing or wrong
     * @throws IllegalStateException naming the JVM flags this JVM lacks
     */
    @Override
    public void validate(StoreConfig config) {
        builderFor(config);
        JvmFlags.require();
    }

    @Override
    public EventStore open(StoreConfig config) throws IOException {
        return builderFor(config).open();
    }

    private static ChronicleEventStore.Builder builderFor(StoreConfig config) {
        config.requireOnly(DIR, ROLL_CYCLE, RETAIN_CYCLES, RETAIN_DAYS, PRETOUCH, FileAccess.SETTING);
        ChronicleEventStore.Builder builder = ChronicleEventStore.builder(config.requirePath(DIR))
                .pretouch(config.booleanOption(PRETOUCH, ChronicleEventStore.DEFAULT_PRETOUCH))
                .access(FileAccess.of(config));
        String rollCycle = config.option(ROLL_CYCLE).orElse(ChronicleEventStore.DEFAULT_ROLL_CYCLE);
        try {
            builder.rollCycle(rollCycle.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "store '" + config.name() + "' setting '" + ROLL_CYCLE + "': " + e.getMessage(), e);
        }
        int retainCycles = config.positiveIntOption(RETAIN_CYCLES, 0);
        if (retainCycles > 0) {
            builder.retainCycles(retainCycles);
        }
        int retainDays = config.positiveIntOption(RETAIN_DAYS, 0);
        if (retainDays > 0) {
            builder.retainAge(Duration.ofDays(retainDays));
        }
        return builder;
    }
}
