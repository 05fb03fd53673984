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

    /**
     * The reason the runtime gives when there is none inside an OSGi framework, where what is missing is
     * a bundle, not a build: {@value}.
     */
    String NOT_STARTED = "no Telltale runtime in this OSGi framework: the telltale-core bundle is not started";

    /**
     * The runtime: the one a container {@linkplain #install installed}, or the one found on the class
     * path, or one that records nothing.
     */
    static EventRuntime current() {
        return RuntimeHolder.current();
    }

    /**
     * For a container whose class loaders keep {@link ServiceLoader} from finding the runtime (an OSGi
     * framework): makes {@code runtime} the current one until it is {@linkplain #uninstall uninstalled},
     * every call into it guarded as for one found on the class path; returns whether it did. A runtime
     * found on the class path wins (this returns {@code false}): there, generated code's check reads a
     * final field, and nothing a container installs is needed. telltale-core's bundle activator calls
     * it when the bundle starts.
     */
    static boolean install(EventRuntime runtime) {
        return RuntimeHolder.install(runtime);
    }

    /**
     * Stops using {@code runtime} if it is the installed one (telltale-core's bundle activator, when the
     * bundle stops), so the api keeps no reference to it and its class loader can go; returns whether it
     * was. Commands go on, unrecorded, from here.
     */
    static boolean uninstall(EventRuntime runtime) {
        return RuntimeHolder.uninstall(runtime);
    }
}
