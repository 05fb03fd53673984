package dev.telltale.store.chronicle.internal;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.ErrorSnapshot;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventPayload.CommandFailed;
import dev.telltale.api.EventPayload.CommandSucceeded;
import dev.telltale.api.EventPayload.RecorderAccount;
import dev.telltale.api.EventPayload.SessionEnded;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.EventPayload.SessionStarted;
import dev.telltale.api.EventRef;
import dev.telltale.api.SessionSource;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import net.openhft.chronicle.bytes.Bytes;

/**
 * How one event is laid out in one Chronicle document: raw bytes, little-endian, the layout version
 * first. Stateless; any thread (an encoder's {@link EncodedTextCache} belongs to its one writer).
 *
 * <p>Layout version 1. Never change what a version means: bump the version instead and keep
 * decoding the old one, so files written today stay readable.
 * <pre>
 * u8   layout version = 1
 * u8   type: 1 command succeeded, 2 command failed, 3 session started, 4 session ended, 5 session entry,
 *      6 recorder account
 * u8   flags: bit 0 = a session id follows
 * i64  epochNanos
 * [i64 session id, most significant bits; i64 least significant bits]   when flags bit 0
 * then, by type:
 *   1: text verb, i64 durationNanos
 *   2: text verb, i64 durationNanos, text errorType, text message,
 *      u8 errorFlags (bit 0 = source id follows, bit 1 = HTTP status follows),
 *      [text sourceId], [u16 httpStatus], text error verb
 *   3: text session source name (REPL, GUI, MCP, API)
 *   4: i64 commandCount, i64 errorCount, i64 durationNanos
 *   5: u8 entry type (1 user_input, 2 agent_thought, 3 dsl_command, 4 response, 5 error),
 *      i64 entryNo, text source, text content,
 *      u8 entryFlags (bit 0 = an event reference follows),
 *      [i64 referenced session id, most significant bits; i64 least significant bits;
 *       i64 referenced epochNanos; text referenced verb]
 *   6: u8 accountFlags (bit 0 = the final account), i64 sinceEpochNanos,
 *      i64 droppedQueueFull, i64 droppedClosed, i64 droppedNull, i64 lost (in the interval),
 *      i64 emitted, i64 persisted, i64 droppedTotal, i64 lostTotal (since the recorder started)
 * text = unsigned LEB128 byte length, then that many bytes of WTF-8 (UTF-8; see {@link Wtf8})
 * </pre>
 * Nothing follows the last field: trailing bytes, like a cut-short field, make the event invalid.
 * Flag bits not listed above are zero in version 1. Codes are fixed here, never taken from an enum's
 * order.
 *
 * <p>Type 5 (a {@link dev.telltale.api.SessionLogger} entry) was added to version 1 later, as a
 * compatible extension: the events of types 1 to 4 are written exactly as before, and a reader from
 * before type 5 reads them as before but stops at a session entry with {@code unknown event type 5},
 * naming the cycle file and index (its {@code --skip-damaged} does not step over it). Type 6 (the
 * recorder's own account of drops and losses) was added the same way. The largest event
 * is a session entry: see {@link #MAX_EVENT_BYTES}.
 */
public final class EventLayout {

    /** The layout this class writes: {@value}. */
    public static final int VERSION = 1;

    static final int TYPE_SUCCEEDED = 1;
    static final int TYPE_FAILED = 2;
    static final int TYPE_SESSION_STARTED = 3;
    static final int TYPE_SESSION_ENDED = 4;
    static final int TYPE_SESSION_ENTRY = 5;
    static final int TYPE_RECORDER_ACCOUNT = 6;

    static final int ENTRY_USER_INPUT = 1;
    static final int ENTRY_AGENT_THOUGHT = 2;
    static final int ENTRY_DSL_COMMAND = 3;
    static final int ENTRY_RESPONSE = 4;
    static final int ENTRY_ERROR = 5;

    private static final int HAS_SESSION = 1;
    private static final int HAS_SOURCE_ID = 1;
    private static final int HAS_HTTP_STATUS = 2;
    private static final int HAS_EVENT_REF = 1;
    private static final int FINAL_ACCOUNT = 1;

    /** The most bytes of WTF-8 one char takes: {@value} (a surrogate pair takes 4 for its 2 chars). */
    static final int MAX_BYTES_PER_CHAR = 3;

    /**
     * The largest event this layout writes, in bytes: {@value}. A session entry's content takes at
     * most {@value #MAX_BYTES_PER_CHAR} bytes for each of its {@value EventPayload#MAX_CONTENT_LENGTH}
     * chars; every other field of any event, all bounded, takes under 4 KiB together. A larger
     * document is damage.
     */
    public static final int MAX_EVENT_BYTES = MAX_BYTES_PER_CHAR * EventPayload.MAX_CONTENT_LENGTH + 64 * 1024;

    /** Session source names, encoded once, indexed by ordinal. */
    private static final byte[][] SOURCE_NAMES;

    static {
        SessionSource[] sources = SessionSource.values();
        SOURCE_NAMES = new byte[sources.length][];
        for (SessionSource source : sources) {
            SOURCE_NAMES[source.ordinal()] = Wtf8.encode(source.name());
        }
    }

    private EventLayout() {}

    /**
     * Writes {@code event} at {@code out}'s write position. Allocates nothing once {@code texts} knows
     * the event's verb and error type.
     */
    public static void write(Bytes<?> out, DslEvent event, EncodedTextCache texts) {
        out.writeByte((byte) VERSION);
        out.writeByte((byte) typeCode(event));
        UUID session = event.sessionId();
        out.writeByte((byte) (session == null ? 0 : HAS_SESSION));
        out.writeLong(event.epochNanos());
        if (session != null) {
            out.writeLong(session.getMostSignificantBits());
            out.writeLong(session.getLeastSignificantBits());
        }
        switch (event.type()) {
            case COMMAND_SUCCEEDED -> {
                CommandSucceeded succeeded = (CommandSucceeded) event.payload();
                writeEncoded(out, texts.encoded(succeeded.verb()));
                out.writeLong(succeeded.durationNanos());
            }
            case COMMAND_FAILED -> writeFailed(out, (CommandFailed) event.payload(), texts);
            case SESSION_STARTED ->
                writeEncoded(
                        out,
                        SOURCE_NAMES[((SessionStarted) event.payload()).source().ordinal()]);
            case SESSION_ENDED -> {
                SessionEnded ended = (SessionEnded) event.payload();
                out.writeLong(ended.commandCount());
                out.writeLong(ended.errorCount());
                out.writeLong(ended.durationNanos());
            }
            case SESSION_ENTRY -> writeEntry(out, (SessionEntry) event.payload(), texts);
            case RECORDER_ACCOUNT -> writeAccount(out, (RecorderAccount) event.payload());
        }
    }

    /**
     * At most how many bytes the texts of a session entry take, 0 for any other event: what a writer
     * must find room for besides a small event's fixed fields. Allocates nothing.
     */
    public static long entryTextBytes(DslEvent event) {
        if (!(event.payload() instanceof SessionEntry entry)) {
            return 0;
        }
        EventRef ref = entry.event();
        long chars = (long) entry.content().length()
                + entry.source().length()
                + (ref == null ? 0 : ref.verb().length());
        return MAX_BYTES_PER_CHAR * chars;
    }

    /**
     * The event {@code length} bytes at the start of {@code bytes} hold.
     *
     * @throws EventFormatException if they are not one valid event of a known layout version
     */
    public static DslEvent read(byte[] bytes, int length) throws EventFormatException {
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (length == 0) {
                throw new EventFormatException("empty document: no layout version");
            }
            int version = Byte.toUnsignedInt(in.get());
            if (version != VERSION) {
                throw new EventFormatException("unknown layout version " + version + " (this reader knows " + VERSION
                        + "; a newer Telltale wrote it?)");
            }
            DslEvent event = readVersion1(in);
            if (in.hasRemaining()) {
                throw new EventFormatException(in.remaining() + " trailing bytes after the event");
            }
            return event;
        } catch (BufferUnderflowException e) {
            throw new EventFormatException("event is cut short after " + in.position() + " of " + length + " bytes", e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EventFormatException("invalid event: " + e.getMessage(), e);
        }
    }

    private static int typeCode(DslEvent event) {
        return switch (event.type()) {
            case COMMAND_SUCCEEDED -> TYPE_SUCCEEDED;
            case COMMAND_FAILED -> TYPE_FAILED;
            case SESSION_STARTED -> TYPE_SESSION_STARTED;
            case SESSION_ENDED -> TYPE_SESSION_ENDED;
            case SESSION_ENTRY -> TYPE_SESSION_ENTRY;
            case RECORDER_ACCOUNT -> TYPE_RECORDER_ACCOUNT;
        };
    }

    private static void writeAccount(Bytes<?> out, RecorderAccount account) {
        out.writeByte((byte) (account.closing() ? FINAL_ACCOUNT : 0));
        out.writeLong(account.sinceEpochNanos());
        out.writeLong(account.droppedQueueFull());
        out.writeLong(account.droppedClosed());
        out.writeLong(account.droppedNull());
        out.writeLong(account.lost());
        out.writeLong(account.emitted());
        out.writeLong(account.persisted());
        out.writeLong(account.droppedTotal());
        out.writeLong(account.lostTotal());
    }

    private static RecorderAccount readAccount(ByteBuffer in) throws EventFormatException {
        int flags = Byte.toUnsignedInt(in.get());
        if ((flags & ~FINAL_ACCOUNT) != 0) {
            throw new EventFormatException("unknown account flags 0x" + Integer.toHexString(flags));
        }
        return new RecorderAccount(
                flags == FINAL_ACCOUNT,
                in.getLong(),
                in.getLong(),
                in.getLong(),
                in.getLong(),
                in.getLong(),
                in.getLong(),
                in.getLong(),
                in.getLong(),
                in.getLong());
    }

    private static void writeEntry(Bytes<?> out, SessionEntry entry, EncodedTextCache texts) {
        out.writeByte((byte) entryCode(entry.entryType()));
        out.writeLong(entry.entryNo());
        writeEncoded(out, texts.encoded(entry.source()));
        // Content does not repeat: encoded straight into the document, never cached.
        writeText(out, entry.content());
        EventRef ref = entry.event();
        out.writeByte((byte) (ref == null ? 0 : HAS_EVENT_REF));
        if (ref != null) {
            out.writeLong(ref.sessionId().getMostSignificantBits());
            out.writeLong(ref.sessionId().getLeastSignificantBits());
            out.writeLong(ref.epochNanos());
            writeEncoded(out, texts.encoded(ref.verb()));
        }
    }

    private static int entryCode(EntryType type) {
        return switch (type) {
            case USER_INPUT -> ENTRY_USER_INPUT;
            case AGENT_THOUGHT -> ENTRY_AGENT_THOUGHT;
            case DSL_COMMAND -> ENTRY_DSL_COMMAND;
            case RESPONSE -> ENTRY_RESPONSE;
            case ERROR -> ENTRY_ERROR;
        };
    }

    private static void writeFailed(Bytes<?> out, CommandFailed failed, EncodedTextCache texts) {
        writeEncoded(out, texts.encoded(failed.verb()));
        out.writeLong(failed.durationNanos());
        ErrorSnapshot error = failed.error();
        writeEncoded(out, texts.encoded(error.errorType()));
        writeText(out, error.message());
        String sourceId = error.sourceId();
        Integer httpStatus = error.httpStatus();
        out.writeByte((byte) ((sourceId == null ? 0 : HAS_SOURCE_ID) | (httpStatus == null ? 0 : HAS_HTTP_STATUS)));
        if (sourceId != null) {
            writeText(out, sourceId);
        }
        if (httpStatus != null) {
            out.writeUnsignedShort(httpStatus);
        }
        writeEncoded(out, texts.encoded(error.verb()));
    }

    private static void writeEncoded(Bytes<?> out, byte[] encoded) {
        writeLength(out, encoded.length);
        out.write(encoded);
    }

    private static void writeText(Bytes<?> out, String text) {
        writeLength(out, Wtf8.encodedLength(text));
        Wtf8.write(out, text);
    }

    private static void writeLength(Bytes<?> out, int length) {
        int rest = length;
        while (rest >= 0x80) {
            out.writeByte((byte) (rest | 0x80));
            rest >>>= 7;
        }
        out.writeByte((byte) rest);
    }

    private static DslEvent readVersion1(ByteBuffer in) throws EventFormatException {
        int type = Byte.toUnsignedInt(in.get());
        int flags = Byte.toUnsignedInt(in.get());
        if ((flags & ~HAS_SESSION) != 0) {
            throw new EventFormatException("unknown event flags 0x" + Integer.toHexString(flags));
        }
        long epochNanos = in.getLong();
        UUID session = (flags & HAS_SESSION) == 0 ? null : new UUID(in.getLong(), in.getLong());
        return switch (type) {
            case TYPE_SUCCEEDED -> new DslEvent(epochNanos, session, new CommandSucceeded(readText(in), in.getLong()));
            case TYPE_FAILED -> new DslEvent(epochNanos, session, readFailed(in));
            case TYPE_SESSION_STARTED -> new DslEvent(epochNanos, session, new SessionStarted(readSource(in)));
            case TYPE_SESSION_ENDED ->
                new DslEvent(epochNanos, session, new SessionEnded(in.getLong(), in.getLong(), in.getLong()));
            case TYPE_SESSION_ENTRY -> new DslEvent(epochNanos, session, readEntry(in));
            case TYPE_RECORDER_ACCOUNT -> new DslEvent(epochNanos, session, readAccount(in));
            default -> throw new EventFormatException("unknown event type " + type);
        };
    }

    private static SessionEntry readEntry(ByteBuffer in) throws EventFormatException {
        EntryType entryType = entryType(Byte.toUnsignedInt(in.get()));
        long entryNo = in.getLong();
        String source = readText(in);
        String content = readText(in);
        int flags = Byte.toUnsignedInt(in.get());
        if ((flags & ~HAS_EVENT_REF) != 0) {
            throw new EventFormatException("unknown entry flags 0x" + Integer.toHexString(flags));
        }
        EventRef ref = null;
        if ((flags & HAS_EVENT_REF) != 0) {
            UUID refSession = new UUID(in.getLong(), in.getLong());
            long refEpochNanos = in.getLong();
            ref = new EventRef(refSession, refEpochNanos, readText(in));
        }
        return new SessionEntry(entryType, entryNo, source, content, ref);
    }

    private static EntryType entryType(int code) throws EventFormatException {
        return switch (code) {
            case ENTRY_USER_INPUT -> EntryType.USER_INPUT;
            case ENTRY_AGENT_THOUGHT -> EntryType.AGENT_THOUGHT;
            case ENTRY_DSL_COMMAND -> EntryType.DSL_COMMAND;
            case ENTRY_RESPONSE -> EntryType.RESPONSE;
            case ENTRY_ERROR -> EntryType.ERROR;
            default -> throw new EventFormatException("unknown entry type " + code);
        };
    }

    private static CommandFailed readFailed(ByteBuffer in) throws EventFormatException {
        String verb = readText(in);
        long durationNanos = in.getLong();
        String errorType = readText(in);
        String message = readText(in);
        int flags = Byte.toUnsignedInt(in.get());
        if ((flags & ~(HAS_SOURCE_ID | HAS_HTTP_STATUS)) != 0) {
            throw new EventFormatException("unknown error flags 0x" + Integer.toHexString(flags));
        }
        String sourceId = (flags & HAS_SOURCE_ID) == 0 ? null : readText(in);
        Integer httpStatus = (flags & HAS_HTTP_STATUS) == 0 ? null : Short.toUnsignedInt(in.getShort());
        String errorVerb = readText(in);
        return new CommandFailed(
                verb, durationNanos, new ErrorSnapshot(errorType, message, sourceId, httpStatus, errorVerb));
    }

    private static SessionSource readSource(ByteBuffer in) throws EventFormatException {
        String name = readText(in);
        try {
            return SessionSource.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new EventFormatException("unknown session source '" + name + "'", e);
        }
    }

    private static String readText(ByteBuffer in) throws EventFormatException {
        int length = readLength(in);
        if (length > in.remaining()) {
            throw new EventFormatException("text of " + length + " bytes at byte " + in.position() + " runs past the "
                    + in.limit() + "-byte event");
        }
        String text = Wtf8.decode(in.array(), in.arrayOffset() + in.position(), length);
        in.position(in.position() + length);
        return text;
    }

    private static int readLength(ByteBuffer in) throws EventFormatException {
        int length = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int next = Byte.toUnsignedInt(in.get());
            length |= (next & 0x7F) << shift;
            if (next < 0x80) {
                if (length < 0) {
                    break;
                }
                return length;
            }
        }
        throw new EventFormatException("text length at byte " + in.position() + " is not a valid length");
    }
}
