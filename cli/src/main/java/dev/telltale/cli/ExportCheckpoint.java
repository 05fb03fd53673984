package dev.telltale.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a resumable export stopped: the index of the last event written and the length of the
 * output at that moment. Kept beside the output as {@code FILE.NAME.checkpoint}, replaced atomically
 * (written to a temporary file, synced, renamed), so it always describes an output that was synced
 * before it was written.
 *
 * @param lastIndex the index of the last event in the output
 * @param bytes the output's length in bytes after that event
 * @param exported how many events the output holds
 */
record ExportCheckpoint(long lastIndex, long bytes, long exported) {

    static Path fileFor(Path output, String name) {
        return output.resolveSibling(output.getFileName() + "." + name + ".checkpoint");
    }

    static Optional<ExportCheckpoint> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return Optional.of(new ExportCheckpoint(
                    Long.parseLong(properties.getProperty("last-index")),
                    Long.parseLong(properties.getProperty("bytes")),
                    Long.parseLong(properties.getProperty("exported"))));
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a valid export checkpoint; remove it to start the export over", e);
        }
    }

    void write(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        String text = "last-index=" + lastIndex + "\nbytes=" + bytes + "\nexported=" + exported + "\n";
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
