package dev.telltale.api.export;

import java.io.IOException;

/**
 * Opens export sinks of one kind. Implementations are {@link java.util.ServiceLoader} services with a
 * public no-argument constructor, registered with {@code @AutoService(ExportSinkProvider.class)}; the
 * command line finds them by {@link #name()} ({@link ExportSinks#named}) and names no sink class.
 */
public interface ExportSinkProvider {

    /** The name an export chooses this sink by, such as {@code postgres}. Lower case, stable. */
    String name();

    /** What it writes to, for messages, such as {@code a PostgreSQL database (jdbc:postgresql:...)}. */
    String writes();

    /**
     * Opens a sink for {@code target}; nothing is written before {@link ExportSink#resume()}.
     *
     * @throws IllegalArgumentException naming the setting of {@code target} that is missing or wrong
     * @throws IOException if the sink cannot be opened
     */
    ExportSink open(ExportTarget target) throws IOException;

    /**
     * Creates, or brings to this version, what the target needs before an export (a database's
     * tables); rerunning changes nothing. Returns one line saying what it did. The default needs nothing.
     *
     * @throws IllegalArgumentException naming the setting of {@code target} that is missing or wrong
     * @throws IOException if the target cannot be reached or changed
     */
    default String prepare(ExportTarget target) throws IOException {
        return target.location() + " needs no preparation";
    }

    /**
     * Opens a sink for the events of a shared stream ({@link StreamSink}), such as a Kafka topic that
     * many hosts ship into; the target's name is the consumer's. The default: this sink takes no stream.
     *
     * @throws UnsupportedOperationException when this kind of sink takes no stream
     * @throws IllegalArgumentException naming the setting of {@code target} that is missing or wrong
     * @throws IOException if the sink cannot be opened
     */
    default StreamSink openStream(ExportTarget target) throws IOException {
        throw new UnsupportedOperationException("the " + name() + " sink takes no stream");
    }
}
