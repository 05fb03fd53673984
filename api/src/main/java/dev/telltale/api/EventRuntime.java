package dev.telltale.api;

import java.util.ServiceLoader;

/**
 * The running recorder, as generated code and sessions see it. Telltale's core registers one with
 * {@link ServiceLoader}; the first one found is used for the life of the JVM. Without one,
 * {@link #current()} is a runtime that is never enabled and discards everything.
 *
 * <p>Implementations: any thread may call any method; no method blocks or throws.
 */
public interface EventRuntime {

    /** Whether commands are being recorded now; generated code skips all timing when not. */
    boolean isEnabled();

    /** Where events go. */
    EventSink sink();

    /**
     * Whether recording works, with its counters: what a REPL's {@code :events} shows. Without a
     * runtime on the class path (a build without the {@code events} profile) the status is
     * {@link EventHealth.Status#DISABLED} with the reason {@value #COMPILED_OUT}.
     */
    EventHealth health();

    /** The reason the runtime gives when there is none: {@value}. */
    String COMPILED_OUT = "events are compiled out: built without the events profile";

    /** The runtime found on the class path, or one that records nothing. */
    static EventRuntime current() {
        return RuntimeHolder.RUNTIME;
    }
}
