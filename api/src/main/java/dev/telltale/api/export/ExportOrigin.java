package dev.telltale.api.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A source's stable origin id: a random UUID kept in a small file beside (or in) the source, created
 * once and never changed, so that rows exported from it are known by (origin, position) wherever
 * they go, and several hosts can export their own sources into one database. Each
 * {@link dev.telltale.api.source.EventSource} names its file: a Chronicle queue keeps it in
 * {@code telltale-origin} in its directory, a JSON Lines file in {@code FILE.origin}.
 */
public final class ExportOrigin {

    private ExportOrigin() {}

    /**
     * The id {@code file} holds; when there is no such file, a new random id, written there first
     * (atomically: of two processes creating it at once, both get the one that was written first).
     *
     * @throws IOException naming the file when it cannot be read or created, or does not hold a UUID
     */
    public static UUID of(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(
                    file + " does not hold an origin id (a UUID); it holds "
                            + (text.length() > 40
                                    ? text.length() + " characters"
                                    : "'" + text.replaceAll("\\p{Cntrl}", "?") + "'"),
                    e);
        }
    }

    private static void create(Path file) throws IOException {
        Path temp = null;
        try {
            // A name of its own for each call: two threads, or processes, creating it at once never share one.
            temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
            Files.writeString(
                    temp,
                    UUID.randomUUID() + "\n",
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            // A hard link fails when the name exists: never replaces an id another process wrote.
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException someoneElseWasFirst) {
            // Theirs is the id.
        } catch (IOException e) {
            throw new IOException("cannot create the origin id file " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
