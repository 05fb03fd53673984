package dev.telltale.store.jsonl;

import com.google.auto.service.AutoService;
import dev.telltale.api.source.EventSource;
import dev.telltale.api.source.EventSourceProvider;
import dev.telltale.api.source.SourceOptions;
import dev.telltale.json.EventJson;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads JSON Lines files as {@link JsonlEventSource}s: the source named {@value JsonlStoreProvider#NAME}.
 * It accepts a location that is a regular file. Stateless; any thread.
 */
@AutoService(EventSourceProvider.class)
public final class JsonlSourceProvider implements EventSourceProvider {

    @Override
    public String name() {
        return JsonlStoreProvider.NAME;
    }

    @Override
    public String reads() {
        return "a JSON Lines file (schema version " + EventJson.SCHEMA_VERSION + ")";
    }

    @Override
    public boolean accepts(String location) {
        try {
            return Files.isRegularFile(Path.of(location));
        } catch (InvalidPathException | SecurityException notOurs) {
            return false;
        }
    }

    @Override
    public EventSource open(String location, SourceOptions options) {
        return JsonlEventSource.open(Path.of(location), options);
    }
}
