package dev.telltale.core;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads operators' settings ({@code TELLTALE_*} environment variables, then {@code telltale.*}
 * system properties) onto an {@link EventsConfig.Builder}; see {@link EventsConfig} for the names.
 * Every value goes through the builder's own setter, so the checks are the same as in code; a
 * message names the variable or property and its value. Stateless.
 */
final class ConfigOverrides {

    /** A setting read from text; throws IllegalArgumentException with the bad value. */
    private interface Setting {
        void apply(EventsConfig.Builder builder, String value);
    }

    private static final Map<String, Setting> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("enabled", (b, v) -> b.enabled(parseBoolean(v)));
        SETTINGS.put("buffer-size", (b, v) -> b.bufferSize(parseInt(v)));
        SETTINGS.put("stripes", (b, v) -> b.stripes(parseInt(v)));
        SETTINGS.put("batch-size", (b, v) -> b.batchSize(parseInt(v)));
        SETTINGS.put("flush-interval", (b, v) -> b.flushInterval(parseDuration(v)));
        SETTINGS.put("close-timeout", (b, v) -> b.closeTimeout(parseDuration(v)));
        SETTINGS.put("drop-report-interval", (b, v) -> b.dropReportInterval(parseDuration(v)));
        SETTINGS.put("shutdown-hook", (b, v) -> b.shutdownHook(parseBoolean(v)));
        SETTINGS.put("store", EventsConfig.Builder::store);
        SETTINGS.put("redact", (b, v) -> b.redact(parseBoolean(v)));
    }

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private ConfigOverrides() {}

    /**
     * Applies environment variables, then properties.
     *
     * An unknown {@code telltale.*} property is ignored and noted in the builder's warnings.
     *
     * @throws IllegalArgumentException naming the setting and its value when a value is wrong
     */
    static void apply(EventsConfig.Builder builder, Map<String, String> environment, Properties properties) {
        for (Map.Entry<String, String> entry : new TreeMap<>(environment).entrySet()) {
            String name = entry.getKey();
            if (name.startsWith(EventsConfig.ENV_PREFIX)) {
                String setting = settingOfEnv(name.substring(EventsConfig.ENV_PREFIX.length()));
                if (setting != null) {
                    apply(builder, setting, name, entry.getValue());
                }
            }
        }
        Map<String, String> props = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(EventsConfig.PROPERTY_PREFIX)) {
                props.put(name, properties.getProperty(name));
            }
        }
        for (Map.Entry<String, String> entry : props.entrySet()) {
            String setting = entry.getKey().substring(EventsConfig.PROPERTY_PREFIX.length());
            if (!isKnown(setting)) {
                // Told, not fatal: -Dtelltale.version=... meant for Maven must not switch recording off.
                builder.warn("ignored the unknown setting " + entry.getKey() + " (known: "
                        + String.join(", ", SETTINGS.keySet()) + ", store.KEY, redact.NAME)");
                continue;
            }
            apply(builder, setting, entry.getKey(), entry.getValue());
        }
    }

    private static void apply(EventsConfig.Builder builder, String setting, String source, String value) {
        try {
            if (setting.startsWith(EventsConfig.STORE_OPTION_PREFIX)) {
                builder.storeOption(setting.substring(EventsConfig.STORE_OPTION_PREFIX.length()), value.trim());
            } else if (setting.startsWith(EventsConfig.REDACT_RULE_PREFIX)) {
                // Not trimmed: a pattern's spaces are its own.
                builder.redactRule(setting.substring(EventsConfig.REDACT_RULE_PREFIX.length()), value);
            } else {
                SETTINGS.get(setting).apply(builder, value.trim());
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static boolean isKnown(String setting) {
        return SETTINGS.containsKey(setting)
                || setting.startsWith(EventsConfig.STORE_OPTION_PREFIX)
                        && setting.length() > EventsConfig.STORE_OPTION_PREFIX.length()
                || setting.startsWith(EventsConfig.REDACT_RULE_PREFIX)
                        && setting.length() > EventsConfig.REDACT_RULE_PREFIX.length();
    }

    /** {@code STORE_ROLL_CYCLE} to {@code store.roll-cycle}; {@code null} for an unknown name. */
    private static String settingOfEnv(String envSuffix) {
        String lower = envSuffix.toLowerCase(Locale.ROOT);
        if (lower.startsWith("redact_")) {
            return lower.length() > "redact_".length()
                    ? EventsConfig.REDACT_RULE_PREFIX
                            + lower.substring("redact_".length()).replace('_', '-')
                    : null;
        }
        if (lower.startsWith("store_")) {
            return lower.length() > "store_".length()
                    ? EventsConfig.STORE_OPTION_PREFIX
                            + lower.substring("store_".length()).replace('_', '-')
                    : null;
        }
        String setting = lower.replace('_', '-');
        return SETTINGS.containsKey(setting) ? setting : null;
    }

    /** {@code 250ms}, {@code 2s}, {@code 5m}, {@code 1h}, or ISO-8601 ({@code PT2S}). */
    static Duration parseDuration(String text) {
        Matcher simple = SIMPLE_DURATION.matcher(text);
        try {
            if (simple.matches()) {
                long amount = Long.parseLong(simple.group(1));
                return switch (simple.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            return Duration.parse(text);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("expected a duration such as 250ms, 2s, 5m or PT2S, got '" + text + "'");
        }
    }

    private static boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("expected true or false, got '" + text + "'");
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, got '" + text + "'");
        }
    }
}
