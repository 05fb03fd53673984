package dev.telltale.core.internal;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The one place Telltale tells an operator about trouble: a failed start, a failing store, a drain
 * that starts over, dropped events. Every warning goes through one rate limit: per {@link Topic},
 * the first warning is written at once, a warning that repeats the last one word for word is not
 * written again until something else was said on that topic (a store that stays down is reported
 * once, not every ten seconds), and a new warning waits until the interval since the last one has
 * passed; the next line written says how many were held back. {@link #resolved} reports the end of
 * a trouble once; a trouble that comes and goes faster than the interval is not said each time.
 *
 * <p>Where the lines go: through SLF4J when the application has an SLF4J provider, as one line
 * without a stack trace (the stack trace follows at {@code DEBUG}, for those who ask for it); with
 * no provider (SLF4J would discard them) as one line on standard error, prefixed {@code telltale:}.
 *
 * <p>Any thread may call any method; calls are rare (the hot path never logs), so they synchronize.
 */
public final class OperatorLog {

    /** What a warning is about; each topic has its own rate limit state. */
    public enum Topic {
        /** Starting up: settings, the first open of the store. */
        START,
        /** The store: appends, flushes, reopens, closing. */
        STORE,
        /** The drain loop itself. */
        DRAIN,
        /** Events dropped because the queue was full or Telltale closed. */
        DROPS
    }

    /** Writes one line; with the failure behind it, or {@code null}. */
    interface Output {
        void warn(String line, Throwable detail);

        void info(String line);
    }

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Output output;
    private final Map<Topic, TopicState> topics = new EnumMap<>(Topic.class);

    OperatorLog(long intervalNanos, LongSupplier nanoClock, Output output) {
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
        this.output = output;
        for (Topic topic : Topic.values()) {
            topics.put(topic, new TopicState());
        }
    }

    /** A log with one line per topic per {@code intervalNanos}, to SLF4J or standard error (see the class comment). */
    public static OperatorLog create(long intervalNanos) {
        return new OperatorLog(
                intervalNanos, System::nanoTime, slf4jHasProvider() ? new Slf4jOutput() : new StreamOutput(System.err));
    }

    /** Writes the warning, unless the rate limit holds it back (then it is counted). */
    public synchronized void warn(Topic topic, String line, Throwable detail) {
        TopicState state = topics.get(topic);
        long now = nanoClock.getAsLong();
        if (line.equals(state.lastLine)) {
            state.heldBack++;
            return;
        }
        if (state.everWritten && now - state.nextAllowedNanos < 0) {
            state.heldBack++;
            return;
        }
        String held = state.heldBack == 0 ? "" : " (" + state.heldBack + " similar warnings held back)";
        output.warn(line + held, detail);
        state.lastLine = line;
        state.heldBack = 0;
        state.everWritten = true;
        state.nextAllowedNanos = now + intervalNanos;
    }

    /**
     * Says once that the trouble on {@code topic} is over, if a warning was written about it since, so
     * that the same warning, should it come back, is written again (once the interval has passed).
     */
    public synchronized void resolved(Topic topic, String line) {
        TopicState state = topics.get(topic);
        if (state.lastLine == null) {
            return;
        }
        output.info(line);
        state.lastLine = null;
        state.heldBack = 0;
    }

    /** Whether SLF4J found a provider; without one it would discard everything. */
    static boolean slf4jHasProvider() {
        // Looked up as SLF4J itself does, without initialising it: SLF4J's own first use prints three
        // warning lines when it finds no provider, which would be Telltale's noise in the user's output.
        try {
            if (System.getProperty("slf4j.provider") != null) {
                return true;
            }
            ClassLoader loader = OperatorLog.class.getClassLoader();
            return ServiceLoader.load(SLF4JServiceProvider.class, loader)
                    .iterator()
                    .hasNext();
        } catch (Throwable slf4jBroken) {
            return false;
        }
    }

    /** One summary line of a failure, without calling anything that could block for long. */
    public static String summary(Throwable failure) {
        if (failure == null) {
            return "";
        }
        String message;
        try {
            message = failure.getMessage();
        } catch (Throwable thrown) {
            message = null;
        }
        // A plain I/O failure's message says what went wrong where; any other (NoSuchFileException's
        // message is only a path) needs its class too.
        boolean messageSays = failure.getClass() == java.io.IOException.class
                || failure instanceof dev.telltale.api.store.StoreAppendException;
        String text = message == null
                ? failure.getClass().getName()
                : messageSays ? message : failure.getClass().getName() + ": " + message;
        // One line: a multi-line message would break the operator's log into pieces.
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    private static final class TopicState {
        private boolean everWritten;
        private String lastLine;
        private long nextAllowedNanos;
        private long heldBack;
    }

    private static final class Slf4jOutput implements Output {
        /** Made only when SLF4J has a provider: SLF4J's first use without one prints warnings. */
        private static final Logger LOG = LoggerFactory.getLogger("dev.telltale");

        @Override
        public void warn(String line, Throwable detail) {
            LOG.warn(line);
            if (detail != null && LOG.isDebugEnabled()) {
                LOG.debug("the failure behind: " + line, detail);
            }
        }

        @Override
        public void info(String line) {
            LOG.info(line);
        }
    }

    /** Standard error, for an application without an SLF4J provider. */
    static final class StreamOutput implements Output {
        private final PrintStream stream;

        StreamOutput(PrintStream stream) {
            this.stream = stream;
        }

        @Override
        public void warn(String line, Throwable detail) {
            stream.println("telltale: " + line);
        }

        @Override
        public void info(String line) {
            stream.println("telltale: " + line);
        }
    }
}
