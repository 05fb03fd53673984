package dev.telltale.cli;

import dev.telltale.api.source.Position;
import picocli.CommandLine;

/** Reads {@code --from}/{@code --until}: start, end, an index or a time; a bad value is a usage error naming it. */
final class PositionConverter implements CommandLine.ITypeConverter<Position> {

    @Override
    public Position convert(String value) {
        try {
            return Position.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(
                    "expected start, end, an index or a time such as 2026-11-27T04:00:00Z, got '" + value + "'");
        }
    }
}
