package dev.telltale.cli;

import dev.telltale.api.source.EventSource;
import dev.telltale.api.source.EventSources;
import dev.telltale.api.source.SourceOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What every command that reads takes: the location of the events, opened through
 * {@link EventSources} (a Chronicle queue directory, a JSON Lines file, whatever a provider on the
 * class path accepts), and {@code --skip-damaged}: without it a damaged cycle file (empty,
 * zero-filled, cut short) or a bad line of a JSON Lines file stops the command with exit code 1,
 * naming the file; with it the command reads past them and says on standard error what it skipped.
 */
final class InputOption {

    static final String LOCATION = "The events: a Chronicle queue directory, a JSON Lines file, or any location"
            + " an event source on the class path reads.";
    static final String SKIP_DAMAGED = "Read past damaged cycle files (empty, zero-filled, cut short) or bad JSON"
            + " lines instead of failing; says what was skipped.";

    @Parameters(index = "0", paramLabel = "DIR|FILE", description = LOCATION)
    String location;

    @Option(names = "--skip-damaged", description = SKIP_DAMAGED)
    boolean skipDamaged;

    /** The location and {@code --skip-damaged} as a command that declares them itself took them. */
    static InputOption of(String location, boolean skipDamaged) {
        InputOption input = new InputOption();
        input.location = location;
        input.skipDamaged = skipDamaged;
        return input;
    }

    /** Opens the location; what the source skips is told to {@code err}, one line each. */
    EventSource open(PrintWriter err) throws IOException {
        return open(err, line -> {});
    }

    /** Opens the location; what the source skips is told to {@code err}, one line each, and to {@code skipped}. */
    EventSource open(PrintWriter err, Consumer<String> skipped) throws IOException {
        return EventSources.open(
                location,
                SourceOptions.builder()
                        .skipDamaged(skipDamaged)
                        .warnings(line -> {
                            err.println("telltale: " + Printable.of(line));
                            err.flush();
                            skipped.accept(line);
                        })
                        .build());
    }
}
