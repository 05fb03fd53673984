package dev.telltale.store.jsonl;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.telltale.api.DslEvent;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes events, one JSON object each in the JSON Lines format ({@link JsonlFormat}), into a stream,
 * with one long-lived generator: for code that embeds the format elsewhere (a PostgreSQL
 * {@code payload} column). Writes no line breaks; {@link #write} leaves each object complete in the
 * stream. One thread.
 */
public final class JsonlEncoder implements Closeable {

    private final JsonGenerator generator;

    public JsonlEncoder(OutputStream out) throws IOException {
        this.generator = JsonlFormat.newGenerator(out);
    }

    /** Writes {@code event} as one JSON object, entirely, into the stream. */
    public void write(DslEvent event) throws IOException {
        JsonlFormat.write(generator, event);
        generator.flush();
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }
}
