package dev.telltale.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.telltale.api.DslEvent;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes events, one JSON object each ({@link EventJson}), into a stream, with one long-lived
 * generator: {@link #write} leaves each object complete in the stream (for code that embeds the
 * format elsewhere, a PostgreSQL {@code payload} column); {@link #writeLine} appends the object and
 * a line break to what is buffered, for JSON Lines, until {@link #flush}. One thread.
 */
public final class EventJsonWriter implements Closeable {

    private final JsonGenerator generator;

    public EventJsonWriter(OutputStream out) throws IOException {
        this.generator = EventJson.newGenerator(out);
    }

    /** Writes {@code event} as one JSON object, entirely, into the stream. */
    public void write(DslEvent event) throws IOException {
        EventJson.write(generator, event);
        generator.flush();
    }

    /** Writes {@code event} as one JSON object and a line break; buffered until {@link #flush}. */
    public void writeLine(DslEvent event) throws IOException {
        EventJson.write(generator, event);
        generator.writeRaw('\n');
    }

    /** Writes a line break; buffered until {@link #flush}. */
    public void lineBreak() throws IOException {
        generator.writeRaw('\n');
    }

    /** Hands what is buffered to the stream. */
    public void flush() throws IOException {
        generator.flush();
    }

    /** Flushes and closes the generator, and with it the stream. */
    @Override
    public void close() throws IOException {
        generator.close();
    }
}
