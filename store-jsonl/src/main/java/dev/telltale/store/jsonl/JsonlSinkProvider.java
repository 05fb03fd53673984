package dev.telltale.store.jsonl;

import com.google.auto.service.AutoService;
import dev.telltale.api.export.ExportSink;
import dev.telltale.api.export.ExportSinkProvider;
import dev.telltale.api.export.ExportTarget;
import java.nio.file.Path;

/**
 * Opens {@link JsonlExportSink}s: the export sink named {@value JsonlStoreProvider#NAME}. The target's
 * location is the output file; with a {@linkplain ExportTarget#name() name} the export is resumable and
 * exactly once, without one it appends. Stateless; any thread.
 */
@AutoService(ExportSinkProvider.class)
public final class JsonlSinkProvider implements ExportSinkProvider {

    @Override
    public String name() {
        return JsonlStoreProvider.NAME;
    }

    @Override
    public String writes() {
        return "a JSON Lines file";
    }

    @Override
    public ExportSink open(ExportTarget target) {
        Path file = Path.of(target.location());
        return target.name()
                .<ExportSink>map(name -> JsonlExportSink.resumable(file, name, target.access()))
                .orElseGet(() -> JsonlExportSink.appending(file, target.access()));
    }
}
