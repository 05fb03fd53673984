package dev.telltale.api.export;

import dev.telltale.api.store.FileAccess;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where an export writes and as what: the target's location (a file, a JDBC URL), the export's name,
 * the source it reads, and, for a target that needs them, the user and where the password is
 * (an environment variable or a file: never the password itself, which would travel into messages and
 * process listings). Immutable; any thread.
 */
public final class ExportTarget {

    private final String location;
    private final String name;
    private final UUID origin;
    private final String source;
    private final String user;
    private final String passwordEnv;
    private final Path passwordFile;
    private final FileAccess access;
    private final Map<String, String> options;

    private ExportTarget(Builder builder) {
        this.location = builder.location;
        this.name = builder.name;
        this.origin = builder.origin;
        this.source = builder.source;
        this.user = builder.user;
        this.passwordEnv = builder.passwordEnv;
        this.passwordFile = builder.passwordFile;
        this.access = builder.access;
        this.options = Map.copyOf(builder.options);
    }

    /** A target at {@code location}, such as {@code events.jsonl} or {@code jdbc:postgresql://db/telltale}. */
    public static Builder at(String location) {
        return new Builder(location);
    }

    /** The file, URL or address the sink writes to. */
    public String location() {
        return location;
    }

    /**
     * The export's name, under which a resumable sink keeps its checkpoint; empty for an export that is
     * not resumable.
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The origin id of the source read ({@link dev.telltale.api.source.EventSource#origin()}), if known. */
    public Optional<UUID> origin() {
        return Optional.ofNullable(origin);
    }

    /** The source read, as told to the user, such as {@code /var/telltale/events}; empty if not told. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** The user to connect as; empty: the location's or the driver's default. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The environment variable that holds the password, if one does. */
    public Optional<String> passwordEnv() {
        return Optional.ofNullable(passwordEnv);
    }

    /** The file whose first line is the password, if one is. */
    public Optional<Path> passwordFile() {
        return Optional.ofNullable(passwordFile);
    }

    /** Who may read the files the sink creates (output, checkpoint, lock): {@link FileAccess#OWNER} unless told. */
    public FileAccess access() {
        return access;
    }

    /**
     * A sink's own setting, such as a Kafka sink's {@code topic}: what the location does not say.
     * Empty when not set.
     */
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    /** Sets up an {@link ExportTarget}. One thread. */
    public static final class Builder {
        private final String location;
        private String name;
        private UUID origin;
        private String source;
        private String user;
        private String passwordEnv;
        private Path passwordFile;
        private FileAccess access = FileAccess.OWNER;
        private final Map<String, String> options = new LinkedHashMap<>();

        private Builder(String location) {
            Objects.requireNonNull(location, "location");
            if (location.isBlank()) {
                throw new IllegalArgumentException("an export target's location must not be blank");
            }
            this.location = location;
        }

        /** See {@link ExportTarget#name()}; {@code null} for none. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** See {@link ExportTarget#origin()}. */
        public Builder origin(UUID origin) {
            this.origin = origin;
            return this;
        }

        /** See {@link ExportTarget#source()}. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** See {@link ExportTarget#user()}; {@code null} for the default. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** See {@link ExportTarget#passwordEnv()}; {@code null} for none. */
        public Builder passwordEnv(String variable) {
            this.passwordEnv = variable;
            return this;
        }

        /** See {@link ExportTarget#passwordFile()}; {@code null} for none. */
        public Builder passwordFile(Path file) {
            this.passwordFile = file;
            return this;
        }

        /** See {@link ExportTarget#access()}. */
        public Builder access(FileAccess access) {
            this.access = java.util.Objects.requireNonNull(access, "access");
            return this;
        }

        /** See {@link ExportTarget#option(String)}; a {@code null} value removes the option. */
        public Builder option(String key, String value) {
            Objects.requireNonNull(key, "key");
            if (value == null) {
                options.remove(key);
            } else {
                options.put(key, value);
            }
            return this;
        }

        public ExportTarget build() {
            return new ExportTarget(this);
        }
    }
}
