package dev.telltale.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.telltale.api.DslEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON event format: one event as one JSON object in UTF-8, the line of a JSON Lines file, the
 * {@code payload} of a PostgreSQL row, the value of a message. Stateless; any thread may call any method.
 *
 * <h2>Schema version {@value #SCHEMA_VERSION}</h2>
 * <pre>
 * {"v":1,"ts":"2026-11-27T04:31:27.123456789Z","session":"0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b",
 *  "type":"command_failed","verb":"cbu.create","duration_ns":2500,
 *  "error":{"type":"java.lang.IllegalStateException","message":"exists","source_id":"cbu-42",
 *           "http_status":409,"verb":"cbu.create"}}
 * </pre>
 * (shown on three lines; a file holds it on one)
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>field</th><th>in</th><th>value</th></tr>
 *   <tr><td>{@code v}</td><td>every line</td><td>the schema version, {@value #SCHEMA_VERSION}</td></tr>
 *   <tr><td>{@code ts}</td><td>every line</td><td>when it happened (a command: when it started), UTC, ISO-8601
 *       with as many fraction digits as needed, in groups of three, up to nanoseconds</td></tr>
 *   <tr><td>{@code session}</td><td>every line</td><td>the session's UUID; absent (or {@code null}) outside a session</td></tr>
 *   <tr><td>{@code type}</td><td>every line</td><td>{@code command_succeeded}, {@code command_failed},
 *       {@code session_started}, {@code session_ended} or {@code session_entry}</td></tr>
 *   <tr><td>{@code verb}, {@code duration_ns}</td><td>commands</td><td>the command's verb; how long it ran, in ns</td></tr>
 *   <tr><td>{@code error}</td><td>{@code command_failed}</td><td>an object: {@code type} (the exception's class),
 *       {@code message}, {@code source_id} (absent when unknown), {@code http_status} (absent when unknown),
 *       {@code verb}</td></tr>
 *   <tr><td>{@code source}</td><td>{@code session_started}</td><td>{@code REPL}, {@code GUI}, {@code MCP} or {@code API}</td></tr>
 *   <tr><td>{@code command_count}, {@code error_count}, {@code duration_ns}</td><td>{@code session_ended}</td>
 *       <td>commands run, of which failed; how long the session lasted, in ns</td></tr>
 *   <tr><td>{@code entry}</td><td>{@code session_entry}</td><td>{@code user_input}, {@code agent_thought},
 *       {@code dsl_command}, {@code response} or {@code error}</td></tr>
 *   <tr><td>{@code entry_no}</td><td>{@code session_entry}</td><td>the entry's number in its logger, from 1</td></tr>
 *   <tr><td>{@code source}</td><td>{@code session_entry}</td><td>who logged it, any text such as {@code REPL}</td></tr>
 *   <tr><td>{@code content}</td><td>{@code session_entry}</td><td>the entry's text, any text, up to
 *       {@value dev.telltale.api.EventPayload#MAX_CONTENT_LENGTH} chars</td></tr>
 *   <tr><td>{@code event}</td><td>{@code session_entry}</td><td>the command event the entry refers to, an object:
 *       {@code session} (its UUID), {@code ts} (its start, as {@code ts} above), {@code verb}; absent (or
 *       {@code null}) when it refers to none</td></tr>
 * </table>
 * For example, a DSL command logged as a session's third entry:
 * <pre>
 * {"v":1,"ts":"2026-11-27T04:31:27.200Z","session":"0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b",
 *  "type":"session_entry","entry":"dsl_command","entry_no":3,"source":"REPL","content":"(cbu.create :name \"x\")",
 *  "event":{"session":"0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b","ts":"2026-11-27T04:31:27.123456789Z","verb":"cbu.create"}}
 * </pre>
 * {@code session_entry} was added to schema version 1 as a compatible extension: a reader from before
 * it rejects such a line as of an {@code unknown event type "session_entry"} (and, with
 * {@code --skip-damaged}, skips and counts it), and reads every other line as before.
 *
 * <p>Writing: fields in the order above; control characters escaped; characters outside the Basic
 * Multilingual Plane, and lone surrogates, as JSON unicode escapes (backslash, {@code u}, four hex
 * digits); other non-ASCII text as plain UTF-8.
 *
 * <p>Reading: fields in any order; unknown fields, at any depth, are ignored, so a reader keeps working
 * when a later writer adds fields. A line whose {@code v} is above {@value #SCHEMA_VERSION}, that lacks a
 * required field, or whose values are of the wrong type or out of range is rejected with a
 * {@link EventJsonException} that says which field and why.
 */
public final class EventJson {

    /** The schema version this codec writes, and the highest it reads: {@value}. */
    public static final int SCHEMA_VERSION = 1;

    /** Configured once; Jackson factories are thread-safe. */
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            // Lines are ended by the writer; no separator between root values.
            .rootValueSeparator((SerializableString) null)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private EventJson() {}

    /** One event as its line, without the line break. */
    public static String toJson(DslEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = newGenerator(bytes)) {
            EventWriter.write(generator, event);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The event a line holds; surrounding whitespace is allowed.
     *
     * @throws EventJsonException saying what is wrong with the line
     */
    public static DslEvent fromJson(String line) throws EventJsonException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return decode(bytes, 0, bytes.length);
    }

    /** A UTF-8 generator that writes events, one after another, into {@code out}. */
    static JsonGenerator newGenerator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out, JsonEncoding.UTF8);
    }

    /** Writes one event, without the line break, into {@code generator}. */
    static void write(JsonGenerator generator, DslEvent event) throws IOException {
        EventWriter.write(generator, event);
    }

    /**
     * The event that {@code length} bytes of UTF-8 JSON at {@code offset} hold.
     *
     * @throws EventJsonException saying what is wrong with them
     */
    public static DslEvent decode(byte[] bytes, int offset, int length) throws EventJsonException {
        try (JsonParser parser = FACTORY.createParser(bytes, offset, length)) {
            return EventDecoder.decode(parser, length);
        } catch (EventJsonException e) {
            throw e;
        } catch (IOException e) {
            // Opening or closing a parser over an array reads nothing: the content is to blame, if anything.
            throw new EventJsonException(Problems.ofParser(e, false), e);
        }
    }
}
