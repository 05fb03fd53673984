package dev.telltale.store.chronicle;

import com.google.auto.service.AutoService;
import dev.telltale.api.source.EventSource;
import dev.telltale.api.source.EventSourceProvider;
import dev.telltale.api.source.SourceOptions;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads Telltale event directories, the Chronicle queues a {@link ChronicleEventStore} writes, as
 * {@link EventLog}s: the source named {@value ChronicleStoreProvider#NAME}. It accepts a directory
 * that holds Chronicle cycle files ({@code *.cq4}). Stateless; any thread.
 */
@AutoService(EventSourceProvider.class)
public final class ChronicleSourceProvider implements EventSourceProvider {

    @Override
    public String name() {
        return ChronicleStoreProvider.NAME;
    }

    @Override
    public String reads() {
        return "a Chronicle queue directory (holding .cq4 files, event layout " + EventLog.LAYOUT_VERSION + ")";
    }

    @Override
    public boolean accepts(String location) {
        try {
            Path dir = Path.of(location);
            if (!Files.isDirectory(dir)) {
                return false;
            }
            try (DirectoryStream<Path> cycles = Files.newDirectoryStream(dir, "*.cq4")) {
                return cycles.iterator().hasNext();
            }
        } catch (IOException | InvalidPathException | SecurityException notOurs) {
            return false;
        }
    }

    /**
     * Opens the directory; with {@link SourceOptions#skipDamaged()}, tells the warnings which damaged
     * cycle files its cursors step over.
     */
    @Override
    public EventSource open(String location, SourceOptions options) throws IOException {
        EventLog log = EventLog.open(Path.of(location), options.skipDamaged());
        List<Path> skipped = log.skippedFiles();
        if (!skipped.isEmpty()) {
            options.warnings()
                    .accept("skipping " + skipped.size() + " damaged cycle file" + (skipped.size() == 1 ? "" : "s")
                            + ": " + skipped);
        }
        return log;
    }
}
