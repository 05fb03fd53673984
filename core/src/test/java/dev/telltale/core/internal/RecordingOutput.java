package dev.telltale.core.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link OperatorLog.Output} that keeps its lines ({@code WARN …}, {@code INFO …}), for tests. */
final class RecordingOutput implements OperatorLog.Output {

    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<Throwable> details = new CopyOnWriteArrayList<>();

    @Override
    public void warn(String line, Throwable detail) {
        lines.add("WARN " + line);
        if (detail != null) {
            details.add(detail);
        }
    }

    @Override
    public void info(String line) {
        lines.add("INFO " + line);
    }
}
