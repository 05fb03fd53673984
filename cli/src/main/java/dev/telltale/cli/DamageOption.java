package dev.telltale.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --skip-damaged}, shared by the commands that read: without it a damaged cycle file (empty,
 * zero-filled, cut short) or a bad line of a JSON Lines file stops the command with exit code 1,
 * naming the file; with it the command reads past them and says on standard error what it skipped.
 */
final class DamageOption {

    @Option(
            names = "--skip-damaged",
            description =
                    "Read past damaged cycle files (empty, zero-filled, cut short) or bad JSON lines instead of failing; says what was skipped.")
    boolean skipDamaged;

    /** Opens {@code path} (a queue directory or a JSON Lines file), telling {@code err} what will be skipped. */
    EventInput open(Path path, PrintWriter err) throws IOException {
        return EventInput.open(path, skipDamaged, err);
    }
}
