package dev.telltale.cli;

import dev.telltale.store.chronicle.EventLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --skip-damaged}, shared by the commands that read a queue: without it a damaged cycle file
 * (empty, zero-filled, cut short) stops the command with exit code 1, naming the file; with it the
 * command reads past such files and says on standard error how many it skipped and which.
 */
final class DamageOption {

    @Option(names = "--skip-damaged",
            description = "Read past damaged cycle files (empty, zero-filled, cut short) instead of failing; says which were skipped.")
    boolean skipDamaged;

    /** Opens the queue in {@code dir}, telling {@code err} which damaged files will be skipped. */
    EventLog open(Path dir, PrintWriter err) throws IOException {
        EventLog log = EventLog.open(dir, skipDamaged);
        List<Path> skipped = log.skippedFiles();
        if (!skipped.isEmpty()) {
            err.println("telltale: skipping " + skipped.size() + " damaged cycle file" + (skipped.size() == 1 ? "" : "s")
                    + ": " + Printable.of(skipped.toString()));
            err.flush();
        }
        return log;
    }
}
