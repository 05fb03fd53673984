package dev.telltale.api.store;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The name of a store and its settings, as the operator wrote them. Settings are strings only at
 * this boundary, because each store has its own: a provider reads them once, when it opens its
 * store, through the typed getters below, which name the key and the bad value on failure.
 */
public final class StoreConfig {

    private final String name;
    private final Map<String, String> options;

    private StoreConfig(String name, Map<String, String> options) {
        this.name = name;
        this.options = options;
    }

    /**
     * A store configuration.
     *
     * @param name the provider's name, such as {@code jsonl}
     * @param options the store's settings, such as {@code path=/var/log/events.jsonl}; copied
     */
    public static StoreConfig of(String name, Map<String, String> options) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        if (name.isBlank()) {
            throw new IllegalArgumentException("store name must not be blank");
        }
        return new StoreConfig(name, Collections.unmodifiableMap(new TreeMap<>(options)));
    }

    /** The provider's name. */
    public String name() {
        return name;
    }

    /** Every setting, sorted by key. */
    public Map<String, String> options() {
        return options;
    }

    /** A setting, if present. */
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    /**
     * A setting that must be present.
     *
     * @throws IllegalArgumentException naming the store and key when it is missing or blank
     */
    public String require(String key) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("store '" + name + "' needs the setting '" + key + "'");
        }
        return value;
    }

    /**
     * Rejects settings the store does not know, so that a typo ({@code fsynk=true}) is an error
     * rather than a setting silently ignored. Providers call it first, with every key they read.
     *
     * @throws IllegalArgumentException naming the unknown keys and the known ones
     */
    public void requireOnly(String... knownKeys) {
        java.util.Set<String> known = java.util.Set.of(knownKeys);
        java.util.List<String> unknown =
                options.keySet().stream().filter(key -> !known.contains(key)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("store '" + name + "' has no setting " + String.join(", ", unknown)
                    + " (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
        }
    }

    /** A setting that must be present, as a path. */
    public Path requirePath(String key) {
        String value = require(key);
        try {
            return Path.of(value);
        } catch (RuntimeException e) {
            throw bad(key, value, "a file system path");
        }
    }

    /** A boolean setting ({@code true} or {@code false}, any case), or the default when absent. */
    public boolean booleanOption(String key, boolean defaultValue) {
        String value = options.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw bad(key, value, "true or false");
    }

    /** A positive integer setting, or the default when absent. */
    public int positiveIntOption(String key, int defaultValue) {
        String value = options.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through to the error naming the value
        }
        throw bad(key, value, "a positive integer");
    }

    private IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException(
                "store '" + name + "' setting '" + key + "': expected " + expected + ", got '" + value + "'");
    }

    /** The name and settings, with the values of secret-looking keys (password, secret, token) masked. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name).append('{');
        String separator = "";
        for (Map.Entry<String, String> option : options.entrySet()) {
            String key = option.getKey();
            String lower = key.toLowerCase(java.util.Locale.ROOT);
            boolean secret = lower.contains("password") || lower.contains("secret") || lower.contains("token");
            text.append(separator).append(key).append('=').append(secret ? "****" : option.getValue());
            separator = ", ";
        }
        return text.append('}').toString();
    }
}
