package dev.telltale.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration as people write it: {@code 30s}, {@code 5m}, {@code 2h}, {@code 0}, or ISO-8601 ({@code PT5M}). */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        Matcher matcher = SHORT.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2);
            if (unit == null && amount != 0) {
                throw new TypeConversionException("'" + Printable.of(value) + "' needs a unit: ms, s, m or h");
            }
            return unit == null
                    ? Duration.ZERO
                    : switch (unit) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        default -> Duration.ofHours(amount);
                    };
        }
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative()) {
                throw new TypeConversionException("'" + Printable.of(value) + "' is negative");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + Printable.of(value) + "' is not a duration such as 30s, 5m or 2h");
        }
    }
}
