package dev.telltale.api.source;

import java.io.IOException;

/**
 * Opens sources of one kind. Implementations are {@link java.util.ServiceLoader} services with a
 * public no-argument constructor, registered with {@code @AutoService(EventSourceProvider.class)}, as
 * {@link dev.telltale.api.store.EventStoreProvider}s are: a store module usually provides both.
 *
 * <p>A provider says what it reads, as a JDBC driver answers {@code acceptsURL}: {@link #accepts}
 * looks at a location (a path, a URL) and answers without opening anything; {@link EventSources}
 * asks each provider in turn and knows none by name.
 */
public interface EventSourceProvider {

    /** The provider's name, such as {@code chronicle}. Lower case, stable. */
    String name();

    /**
     * What this provider reads, for the message that lists them when none accepts a location and for
     * {@code telltale --version}, with its format's version, such as {@code a Chronicle queue directory
     * (holding .cq4 files, event layout 1)}. One line, no semicolon.
     */
    String reads();

    /**
     * Whether this provider reads {@code location}: cheap, never throws, opens nothing (a look at
     * whether a path is a file or a directory and what it holds is fine).
     */
    boolean accepts(String location);

    /**
     * Opens {@code location}, which {@link #accepts} accepted.
     *
     * @throws IOException naming the location and what is wrong (not a source, damaged, unreadable)
     */
    EventSource open(String location, SourceOptions options) throws IOException;
}
