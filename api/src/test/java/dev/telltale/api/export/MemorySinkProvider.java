package dev.telltale.api.export;

import dev.telltale.api.DslEvent;
import java.util.List;

/** A sink that lives only in the tests: it counts what it is given. Registered in the api's test resources. */
public final class MemorySinkProvider implements ExportSinkProvider {

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String writes() {
        return "nowhere";
    }

    @Override
    public ExportSink open(ExportTarget target) {
        return new ExportSink() {
            @Override
            public ExportCheckpoint resume() {
                return ExportCheckpoint.START;
            }

            @Override
            public void write(List<DslEvent> batch, ExportCheckpoint checkpoint) {}

            @Override
            public String describe() {
                return target.location();
            }

            @Override
            public void close() {}
        };
    }
}
