package dev.telltale.store.postgres;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.EventRef;
import dev.telltale.json.EventJson;
import dev.telltale.json.EventJsonWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * Writes one batch of events into {@code events.log} and {@code sessions.log} inside the caller's
 * transaction: the events by one {@code COPY}, the session entries by another, then links entries to
 * the command events they refer to (in this batch or any earlier one, either way round). Reused from
 * batch to batch. One thread.
 */
final class BatchWriter {

    static final String COPY_EVENTS = "COPY events.log (timestamp, session_id, event_type, payload, payload_version,"
            + " epoch_nanos, verb, origin, position) FROM STDIN";
    static final String COPY_ENTRIES =
            "COPY sessions.log (session_id, timestamp, entry_type, content, source, entry_no,"
                    + " event_session_id, event_epoch_nanos, event_verb, epoch_nanos, origin, position) FROM STDIN";

    /** Entries of this batch that refer to an event already exported (in this batch or before). */
    private static final String LINK_NEW_ENTRIES = "UPDATE sessions.log s SET event_id = e.id FROM events.log e"
            + " WHERE s.origin = ? AND s.position BETWEEN ? AND ? AND s.event_id IS NULL"
            + " AND s.event_epoch_nanos IS NOT NULL AND e.session_id = s.event_session_id"
            + " AND e.timestamp = timestamptz 'epoch' + (s.event_epoch_nanos / 1000) * interval '1 microsecond'"
            + " AND e.epoch_nanos = s.event_epoch_nanos AND e.verb = s.event_verb";

    /** Entries exported before that refer to an event of this batch. */
    private static final String LINK_OLD_ENTRIES = "UPDATE sessions.log s SET event_id = e.id FROM events.log e"
            + " WHERE e.origin = ? AND e.position BETWEEN ? AND ? AND e.verb IS NOT NULL AND s.event_id IS NULL"
            + " AND s.event_epoch_nanos IS NOT NULL AND s.event_session_id = e.session_id"
            + " AND s.event_epoch_nanos = e.epoch_nanos AND s.event_verb = e.verb";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;

    private final CopyBuffer events = new CopyBuffer();
    private final CopyBuffer entries = new CopyBuffer();
    private final EventJsonWriter payloads;
    private final String payloadVersion = Integer.toString(EventJson.SCHEMA_VERSION);

    BatchWriter() {
        try {
            this.payloads = new EventJsonWriter(events.escaped());
        } catch (IOException e) {
            throw new IllegalStateException("creating a JSON generator in memory failed", e);
        }
    }

    /**
     * Writes {@code batch} (event {@code i} at source position {@code positions[i]}) from
     * {@code origin}; does not commit.
     */
    void write(Connection connection, UUID origin, List<DslEvent> batch, long[] positions)
            throws SQLException, IOException {
        if (batch.isEmpty()) {
            return;
        }
        encode(origin, batch, positions);
        PGConnection pg = connection.unwrap(PGConnection.class);
        if (events.rows() > 0) {
            pg.getCopyAPI().copyIn(COPY_EVENTS, new ByteArrayInputStream(events.bytes(), 0, events.length()));
        }
        // The batch's span of positions: in order for an export, in any order from a stream.
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < batch.size(); i++) {
            first = Math.min(first, positions[i]);
            last = Math.max(last, positions[i]);
        }
        if (entries.rows() > 0) {
            pg.getCopyAPI().copyIn(COPY_ENTRIES, new ByteArrayInputStream(entries.bytes(), 0, entries.length()));
            link(connection, LINK_NEW_ENTRIES, origin, first, last);
        }
        if (events.rows() > 0) {
            link(connection, LINK_OLD_ENTRIES, origin, first, last);
        }
    }

    /** The COPY text of the events of {@code batch} (its session entries left out). */
    byte[] encodeEvents(UUID origin, List<DslEvent> batch, long[] positions) throws IOException {
        encode(origin, batch, positions);
        return java.util.Arrays.copyOf(events.bytes(), events.length());
    }

    private static void link(Connection connection, String sql, UUID origin, long first, long last)
            throws SQLException {
        try (PreparedStatement link = connection.prepareStatement(sql)) {
            link.setObject(1, origin);
            link.setLong(2, first);
            link.setLong(3, last);
            link.executeUpdate();
        }
    }

    private void encode(UUID origin, List<DslEvent> batch, long[] positions) throws IOException {
        events.clear();
        entries.clear();
        String originText = origin.toString();
        for (int i = 0; i < batch.size(); i++) {
            DslEvent event = PgText.clean(batch.get(i));
            if (event.payload() instanceof SessionEntry entry) {
                encodeEntry(event, entry, originText, positions[i]);
            } else {
                encodeEvent(event, originText, positions[i]);
            }
        }
    }

    private void encodeEvent(DslEvent event, String origin, long position) throws IOException {
        events.plain(timestamp(event.epochNanos()));
        events.plain(event.sessionId() == null ? null : event.sessionId().toString());
        events.plain(event.type().wireName());
        events.startColumn();
        payloads.write(event);
        events.plain(payloadVersion);
        events.number(event.epochNanos());
        events.text(event.commandVerb());
        events.plain(origin);
        events.number(position);
        events.endRow();
    }

    private void encodeEntry(DslEvent event, SessionEntry entry, String origin, long position) {
        EventRef ref = entry.event();
        entries.plain(event.sessionId() == null ? null : event.sessionId().toString());
        entries.plain(timestamp(event.epochNanos()));
        entries.plain(entry.entryType().wireName());
        entries.text(entry.content());
        entries.text(entry.source());
        entries.number(entry.entryNo());
        if (ref == null) {
            entries.nul().nul().nul();
        } else {
            entries.plain(ref.sessionId().toString()).number(ref.epochNanos()).text(ref.verb());
        }
        entries.number(event.epochNanos());
        entries.plain(origin);
        entries.number(position);
        entries.endRow();
    }

    /** To the microsecond, rounded down: what {@code timestamptz} keeps, and what the link query computes. */
    static String timestamp(long epochNanos) {
        long micros = Math.floorDiv(epochNanos, 1000);
        return TIMESTAMP.format(
                Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000));
    }
}
