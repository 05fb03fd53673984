package dev.telltale.api.source;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a source is read: what to do with damage, and who is told what was skipped. Immutable; any
 * thread.
 *
 * <pre>{@code
 * SourceOptions options = SourceOptions.builder()
 *         .skipDamaged(true)
 *         .warnings(line -> logger.log(System.Logger.Level.WARNING, line))
 *         .build();
 * }</pre>
 */
public final class SourceOptions {

    private static final SourceOptions DEFAULTS = builder().build();

    private final boolean skipDamaged;
    private final Consumer<String> warnings;

    private SourceOptions(Builder builder) {
        this.skipDamaged = builder.skipDamaged;
        this.warnings = builder.warnings;
    }

    /** Fail on damage; warnings go nowhere. */
    public static SourceOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether to read past damage (a damaged Chronicle cycle file, a bad JSON line) instead of failing
     * on it; what was skipped is told to {@link #warnings()}. Default {@code false}: damage stops the
     * read with an error naming the file (and position).
     */
    public boolean skipDamaged() {
        return skipDamaged;
    }

    /** Told, one line each, what the source skips; a line names the file and never holds a line break. */
    public Consumer<String> warnings() {
        return warnings;
    }

    /** Sets up {@link SourceOptions}. One thread. */
    public static final class Builder {
        private boolean skipDamaged;
        private Consumer<String> warnings = line -> {};

        private Builder() {}

        /** See {@link SourceOptions#skipDamaged()}; default {@code false}. */
        public Builder skipDamaged(boolean skipDamaged) {
            this.skipDamaged = skipDamaged;
            return this;
        }

        /** See {@link SourceOptions#warnings()}; default: nowhere. */
        public Builder warnings(Consumer<String> warnings) {
            this.warnings = Objects.requireNonNull(warnings, "warnings");
            return this;
        }

        public SourceOptions build() {
            return new SourceOptions(this);
        }
    }
}
