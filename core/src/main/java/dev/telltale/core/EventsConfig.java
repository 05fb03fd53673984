package dev.telltale.core;

import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.StoreConfig;
import dev.telltale.core.internal.HeapBudget;
import dev.telltale.core.internal.StoreLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How {@link Events} runs. Built in code with {@link #builder()}, and overridable by operators
 * without a rebuild: {@link Builder#overrideFromSystem()} applies environment variables, then
 * system properties (so a system property wins over an environment variable, and both over code).
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>system property</th><th>environment variable</th><th>builder</th></tr>
 *   <tr><td>{@code telltale.enabled}</td><td>{@code TELLTALE_ENABLED}</td><td>{@link Builder#enabled}</td></tr>
 *   <tr><td>{@code telltale.buffer-size}</td><td>{@code TELLTALE_BUFFER_SIZE}</td><td>{@link Builder#bufferSize}</td></tr>
 *   <tr><td>{@code telltale.stripes}</td><td>{@code TELLTALE_STRIPES}</td><td>{@link Builder#stripes}</td></tr>
 *   <tr><td>{@code telltale.batch-size}</td><td>{@code TELLTALE_BATCH_SIZE}</td><td>{@link Builder#batchSize}</td></tr>
 *   <tr><td>{@code telltale.flush-interval}</td><td>{@code TELLTALE_FLUSH_INTERVAL}</td><td>{@link Builder#flushInterval}</td></tr>
 *   <tr><td>{@code telltale.close-timeout}</td><td>{@code TELLTALE_CLOSE_TIMEOUT}</td><td>{@link Builder#closeTimeout}</td></tr>
 *   <tr><td>{@code telltale.drop-report-interval}</td><td>{@code TELLTALE_DROP_REPORT_INTERVAL}</td><td>{@link Builder#dropReportInterval}</td></tr>
 *   <tr><td>{@code telltale.shutdown-hook}</td><td>{@code TELLTALE_SHUTDOWN_HOOK}</td><td>{@link Builder#shutdownHook}</td></tr>
 *   <tr><td>{@code telltale.store}</td><td>{@code TELLTALE_STORE}</td><td>{@link Builder#store(String)}</td></tr>
 *   <tr><td>{@code telltale.store.KEY}</td><td>{@code TELLTALE_STORE_KEY}</td><td>{@link Builder#storeOption}</td></tr>
 *   <tr><td>{@code telltale.redact}</td><td>{@code TELLTALE_REDACT}</td><td>{@link Builder#redact}</td></tr>
 *   <tr><td>{@code telltale.redact.NAME}</td><td>{@code TELLTALE_REDACT_NAME}</td><td>{@link Builder#redactRule}</td></tr>
 * </table>
 *
 * <p>Durations are written {@code 250ms}, {@code 2s}, {@code 5m}, {@code 1h} or in ISO-8601
 * ({@code PT2S}). An environment variable's store key is lower-cased with {@code _} turned into
 * {@code -} ({@code TELLTALE_STORE_ROLL_CYCLE} sets {@code roll-cycle}). An unknown
 * {@code telltale.*} system property is ignored with a warning ({@link #warnings()}, which
 * {@link Events#start} tells the operator), so a typo does not pass unnoticed and a property meant
 * for something else ({@code -Dtelltale.version} for Maven) does not switch recording off; unknown
 * {@code TELLTALE_*} environment variables are ignored.
 */
public final class EventsConfig {

    /** Whether events are recorded: {@value}. */
    public static final boolean DEFAULT_ENABLED = true;
    /**
     * Events one queue stripe holds before {@code emit} drops, by default: {@value}, what one producer
     * at a million events a second emits in 65 ms, the longest stall of the drain measured on a shared
     * 2-core VM (its virtual CPU descheduled by the host). Lowered, by powers of two down to
     * {@value #MIN_DEFAULT_BUFFER_SIZE}, when the whole queue full would take more than a sixteenth of
     * the maximum heap (see {@link #defaultBufferSize}).
     */
    public static final int DEFAULT_BUFFER_SIZE = 65_536;
    /** The smallest buffer size the default picks: {@value}. */
    public static final int MIN_DEFAULT_BUFFER_SIZE = 4096;
    /** Most events the drain hands to the store at once: {@value}. */
    public static final int DEFAULT_BATCH_SIZE = 512;
    /** Milliseconds between store flushes while events arrive: {@value}. */
    public static final long DEFAULT_FLUSH_INTERVAL_MILLIS = 1000;
    /** Milliseconds {@code close()} waits for the drain to write what was accepted: {@value}. */
    public static final long DEFAULT_CLOSE_TIMEOUT_MILLIS = 10_000;
    /** Milliseconds between two warnings about dropped events, at most: {@value}. */
    public static final long DEFAULT_DROP_REPORT_INTERVAL_MILLIS = 10_000;
    /** The most stripes the default picks, whatever the number of cores: {@value}. */
    public static final int MAX_DEFAULT_STRIPES = 64;

    static final String PROPERTY_PREFIX = "telltale.";
    static final String ENV_PREFIX = "TELLTALE_";
    static final String STORE_OPTION_PREFIX = "store.";

    /** The prefix of a redaction rule's setting, {@code telltale.redact.NAME=REGEX}: {@value}. */
    static final String REDACT_RULE_PREFIX = "redact.";

    private final boolean enabled;
    private final int bufferSize;
    private final int stripes;
    private final int batchSize;
    private final Duration flushInterval;
    private final Duration closeTimeout;
    private final Duration dropReportInterval;
    private final boolean shutdownHook;
    private final String storeName;
    private final Map<String, String> storeOptions;
    private final EventStore storeInstance;
    private final List<String> warnings;
    private final boolean redact;
    private final Map<String, String> redactRules;

    private EventsConfig(Builder builder) {
        this.enabled = builder.enabled;
        this.bufferSize = builder.bufferSize != 0
                ? builder.bufferSize
                : defaultBufferSize(builder.stripes, Runtime.getRuntime().maxMemory());
        this.stripes = builder.stripes;
        this.batchSize = builder.batchSize;
        this.flushInterval = builder.flushInterval;
        this.closeTimeout = builder.closeTimeout;
        this.dropReportInterval = builder.dropReportInterval;
        this.shutdownHook = builder.shutdownHook;
        this.storeName = builder.storeName;
        this.storeOptions = Map.copyOf(builder.storeOptions);
        this.storeInstance = builder.storeInstance;
        this.warnings = List.copyOf(builder.warnings);
        this.redact = builder.redact;
        this.redactRules = Map.copyOf(builder.redactRules);
    }

    /** Whether secrets are redacted before events are persisted (default {@code true}). */
    public boolean redact() {
        return redact;
    }

    /** The configured redaction rules, by name: regular expressions, after the built-in ones. */
    public Map<String, String> redactRules() {
        return redactRules;
    }

    /** A builder with every setting at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults, overridden by this process's environment variables and system properties. */
    public static EventsConfig fromSystem() {
        return builder().overrideFromSystem().build();
    }

    public boolean enabled() {
        return enabled;
    }

    /** Events one queue stripe holds; the queue rounds it up to a power of two. */
    public int bufferSize() {
        return bufferSize;
    }

    /** Queue stripes; rounded up to a power of two. */
    public int stripes() {
        return stripes;
    }

    public int batchSize() {
        return batchSize;
    }

    public Duration flushInterval() {
        return flushInterval;
    }

    public Duration closeTimeout() {
        return closeTimeout;
    }

    public Duration dropReportInterval() {
        return dropReportInterval;
    }

    public boolean shutdownHook() {
        return shutdownHook;
    }

    /**
     * The store to open (ignored when {@link #storeInstance()} is set): the one named, or else the
     * one whose provider on the class path says the store settings identify it ({@code dir} for
     * {@code chronicle}, {@code path} for {@code jsonl}).
     *
     * @throws IllegalArgumentException when no store is named and the settings identify none, or several
     */
    public StoreConfig storeConfig() {
        return StoreLoader.resolve(storeName, storeOptions);
    }

    /** Settings that were ignored, such as an unknown {@code telltale.*} property; one line each. */
    public List<String> warnings() {
        return warnings;
    }

    /** A store handed over in code, or {@code null}. */
    public EventStore storeInstance() {
        return storeInstance;
    }

    @Override
    public String toString() {
        return "EventsConfig{enabled=" + enabled + ", bufferSize=" + bufferSize + ", stripes=" + stripes
                + ", batchSize=" + batchSize + ", flushInterval=" + flushInterval + ", closeTimeout=" + closeTimeout
                + ", dropReportInterval=" + dropReportInterval + ", shutdownHook=" + shutdownHook + ", store="
                + (storeInstance != null
                        ? storeInstance.describe()
                        : StoreConfig.of(storeName == null ? "(inferred)" : storeName, storeOptions))
                + "}";
    }

    /** The default stripe count: twice the cores, rounded up to a power of two, at most {@value #MAX_DEFAULT_STRIPES}. */
    static int defaultStripes() {
        int wanted = Math.min(MAX_DEFAULT_STRIPES, 2 * Runtime.getRuntime().availableProcessors());
        return Integer.highestOneBit(Math.max(1, wanted - 1)) << 1;
    }

    /**
     * The default buffer size for {@code stripes} stripes and a maximum heap: {@link #DEFAULT_BUFFER_SIZE},
     * halved while the queue full ({@link HeapBudget}) would take more than
     * a sixteenth of the heap, but not below {@link #MIN_DEFAULT_BUFFER_SIZE}. With 4 stripes (2 cores)
     * the full default needs a heap of 512 MiB; its slots take 1.5 MiB per stripe (24 bytes each).
     */
    static int defaultBufferSize(int stripes, long maxHeapBytes) {
        int size = DEFAULT_BUFFER_SIZE;
        long stripeCount = Integer.highestOneBit(Math.max(1, stripes - 1)) << 1;
        while (size > MIN_DEFAULT_BUFFER_SIZE && HeapBudget.bytesOf(stripeCount * size) > maxHeapBytes / 16) {
            size >>= 1;
        }
        return size;
    }

    /** Builds an {@link EventsConfig}; each setter checks its value and names it when it is wrong. */
    public static final class Builder {

        private boolean enabled = DEFAULT_ENABLED;
        /** 0: not set, the default for the stripes and the heap. */
        private int bufferSize;

        private int stripes = defaultStripes();
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration flushInterval = Duration.ofMillis(DEFAULT_FLUSH_INTERVAL_MILLIS);
        private Duration closeTimeout = Duration.ofMillis(DEFAULT_CLOSE_TIMEOUT_MILLIS);
        private Duration dropReportInterval = Duration.ofMillis(DEFAULT_DROP_REPORT_INTERVAL_MILLIS);
        private boolean shutdownHook = true;
        private String storeName;
        private final Map<String, String> storeOptions = new TreeMap<>();
        private EventStore storeInstance;
        private final List<String> warnings = new ArrayList<>();
        private boolean redact = true;
        private final Map<String, String> redactRules = new TreeMap<>();

        private Builder() {}

        /**
         * Whether to replace secrets (passwords in {@code key=value} pairs, bearer tokens, AWS keys,
         * GitHub and Slack tokens, JWTs, PEM private keys, card numbers, URL passwords, and the configured
         * rules) by {@code [REDACTED:rule]} in session-entry content and error messages before they are
         * persisted; default {@code true}.
         */
        public Builder redact(boolean redact) {
            this.redact = redact;
            return this;
        }

        /**
         * Adds a redaction rule: what {@code regex} matches (or its group named {@code secret}) becomes
         * {@code [REDACTED:name]}.
         *
         * @throws IllegalArgumentException naming the rule when its name or pattern is not valid
         */
        public Builder redactRule(String name, String regex) {
            dev.telltale.core.internal.Redaction.compile(name, regex);
            redactRules.put(name, regex);
            return this;
        }

        void warn(String warning) {
            warnings.add(warning);
        }

        /** Whether to record at all; when {@code false}, {@link Events#start} returns a handle whose {@code emit} does nothing. */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * Events one queue stripe holds before {@code emit} drops, from 2 to 2^30; default
         * {@value #DEFAULT_BUFFER_SIZE}, less with a small heap (see {@link #DEFAULT_BUFFER_SIZE}).
         */
        public Builder bufferSize(int bufferSize) {
            this.bufferSize = requireRange("bufferSize", bufferSize, 2, 1 << 30);
            return this;
        }

        /** Queue stripes, from 1 to 1024; default twice the cores (see {@link EventsConfig}). */
        public Builder stripes(int stripes) {
            this.stripes = requireRange("stripes", stripes, 1, 1024);
            return this;
        }

        /** Most events per store append, from 1 to 2^20; default {@value #DEFAULT_BATCH_SIZE}. */
        public Builder batchSize(int batchSize) {
            this.batchSize = requireRange("batchSize", batchSize, 1, 1 << 20);
            return this;
        }

        /** Time between store flushes while events arrive; default {@value #DEFAULT_FLUSH_INTERVAL_MILLIS} ms. */
        public Builder flushInterval(Duration flushInterval) {
            this.flushInterval = requirePositive("flushInterval", flushInterval);
            return this;
        }

        /** How long {@code close()} waits for the drain; default {@value #DEFAULT_CLOSE_TIMEOUT_MILLIS} ms. */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = requirePositive("closeTimeout", closeTimeout);
            return this;
        }

        /** Least time between two warnings about drops; default {@value #DEFAULT_DROP_REPORT_INTERVAL_MILLIS} ms. */
        public Builder dropReportInterval(Duration dropReportInterval) {
            this.dropReportInterval = requirePositive("dropReportInterval", dropReportInterval);
            return this;
        }

        /** Whether a JVM shutdown hook closes Telltale for a program that never does; default {@code true}. */
        public Builder shutdownHook(boolean shutdownHook) {
            this.shutdownHook = shutdownHook;
            return this;
        }

        /** Chooses the store by its provider's name; by default inferred from the settings (see {@link #storeConfig()}). */
        public Builder store(String name) {
            Objects.requireNonNull(name, "store name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("store name must not be blank");
            }
            this.storeName = name.trim();
            this.storeInstance = null;
            return this;
        }

        /** Sets one of the named store's settings, such as {@code path}. */
        public Builder storeOption(String key, String value) {
            Objects.requireNonNull(key, "store option key");
            Objects.requireNonNull(value, "store option value");
            storeOptions.put(key, value);
            return this;
        }

        /**
         * Uses this store instead of one opened by name. Telltale closes it on close. A store
         * handed over this way cannot be reopened after it fails; it is retried as it is.
         */
        public Builder store(EventStore store) {
            this.storeInstance = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Applies this process's environment variables, then its system properties. */
        public Builder overrideFromSystem() {
            return overrideFrom(System.getenv(), System.getProperties());
        }

        /**
         * Applies settings from environment variables ({@code TELLTALE_*}), then from properties
         * ({@code telltale.*}); see {@link EventsConfig} for the names.
         *
         * @throws IllegalArgumentException naming the setting and its value when a value is wrong (an
         *     unknown {@code telltale.*} property is ignored and noted in {@link EventsConfig#warnings()})
         */
        public Builder overrideFrom(Map<String, String> environment, Properties properties) {
            ConfigOverrides.apply(this, environment, properties);
            return this;
        }

        /** The configuration. */
        public EventsConfig build() {
            return new EventsConfig(this);
        }
    }

    private static int requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must lie in " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    private static Duration requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
