package dev.telltale.api.redact;

/**
 * Replaces the secrets in a text before it is persisted: session-entry content, error messages and
 * source ids pass through every redactor on the drain thread, after Telltale's built-in rules and the
 * configured ones, so the caller's cost does not change. Implementations are
 * {@link java.util.ServiceLoader} services with a public no-argument constructor, registered with
 * {@code @AutoService(Redactor.class)}; only the drain thread calls them, one at a time.
 *
 * <p>A replaced secret reads {@code [REDACTED:NAME]}, NAME saying what it was, so that the record
 * keeps its meaning. A redactor that throws is passed over for that text (the text is kept as the
 * earlier redactors left it) and counted as a store failure would be: it never stops recording.
 */
public interface Redactor {

    /**
     * The redactors registered as services (with the thread's context class loader, or else the api's),
     * in the order of their class names; one that cannot be loaded is left out.
     */
    static java.util.List<Redactor> installed() {
        return dev.telltale.api.internal.Providers.load(
                Redactor.class, redactor -> redactor.getClass().getName());
    }

    /** What a replaced secret reads: {@code [REDACTED:name]}. */
    static String marker(String name) {
        return "[REDACTED:" + name + "]";
    }

    /**
     * {@code text} with every secret replaced by {@link #marker}, or {@code text} itself, the same
     * instance, when it holds none (no copy is made then).
     */
    String redact(String text);
}
