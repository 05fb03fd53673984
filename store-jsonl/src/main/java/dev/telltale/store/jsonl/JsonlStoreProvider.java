package dev.telltale.store.jsonl;

import com.google.auto.service.AutoService;
import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.EventStoreProvider;
import dev.telltale.api.store.FileAccess;
import dev.telltale.api.store.StoreConfig;
import java.io.IOException;
import java.util.Set;

/**
 * Opens a {@link JsonlEventStore}: the store named {@value #NAME}. Settings: {@value #PATH} (required, the
 * file), {@value #FSYNC} ({@code true} or {@code false}, default {@value #DEFAULT_FSYNC}) and
 * {@code access} ({@code owner}, the default, or {@code group}: see {@link FileAccess}). Stateless; any
 * thread.
 */
@AutoService(EventStoreProvider.class)
public final class JsonlStoreProvider implements EventStoreProvider {

    /** The name configurations choose this store by: {@value}. */
    public static final String NAME = "jsonl";

    /** The setting naming the file to append to: {@value}. */
    public static final String PATH = "path";

    /** The setting that makes each flush force the file to the storage device: {@value}. */
    public static final String FSYNC = "fsync";

    /** Whether flushes force the file to the device unless {@value #FSYNC} says otherwise: {@value}. */
    public static final boolean DEFAULT_FSYNC = false;

    @Override
    public String name() {
        return NAME;
    }

    /** {@value #PATH}: a configuration that names no store but sets a file wants this one. */
    @Override
    public Set<String> identifyingSettings() {
        return Set.of(PATH);
    }

    /** Checks the settings, opening nothing. */
    @Override
    public void validate(StoreConfig config) {
        config.requireOnly(PATH, FSYNC, FileAccess.SETTING);
        config.requirePath(PATH);
        config.booleanOption(FSYNC, DEFAULT_FSYNC);
        FileAccess.of(config);
    }

    @Override
    public EventStore open(StoreConfig config) throws IOException {
        validate(config);
        return JsonlEventStore.open(
                config.requirePath(PATH), config.booleanOption(FSYNC, DEFAULT_FSYNC), FileAccess.of(config));
    }
}
