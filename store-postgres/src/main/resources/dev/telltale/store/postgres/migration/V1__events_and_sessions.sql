-- Telltale schema 1: the design note's events.log and sessions.log, with what exactly-once export
-- and a user's first queries need. Applied by Flyway (`telltale migrate`), in one transaction.

CREATE TABLE events.log (
    id              BIGSERIAL PRIMARY KEY,
    -- when it happened (a command: when it started), to the microsecond; epoch_nanos is exact
    timestamp       TIMESTAMPTZ NOT NULL,
    session_id      UUID,
    -- command_succeeded, command_failed, session_started, session_ended
    event_type      TEXT        NOT NULL,
    -- the event as its JSON Lines object (the JSONL format's field names, "v" its schema version)
    payload         JSONB       NOT NULL,
    payload_version SMALLINT    NOT NULL,
    epoch_nanos     BIGINT      NOT NULL,
    -- the command's verb, null for session events (also in payload; a column for its index)
    verb            TEXT,
    -- where the event comes from: the queue's stable origin id and its position (index) there.
    -- An event is in this table at most once, whatever exports or hosts write it.
    origin          UUID        NOT NULL,
    position        BIGINT      NOT NULL,
    CONSTRAINT log_origin_position_key UNIQUE (origin, position)
);

CREATE INDEX log_session_idx ON events.log (session_id, timestamp);
CREATE INDEX log_type_idx ON events.log (event_type, timestamp);
CREATE INDEX log_verb_idx ON events.log (verb, timestamp) WHERE verb IS NOT NULL;
CREATE INDEX log_timestamp_idx ON events.log (timestamp);

CREATE TABLE sessions.log (
    id                BIGSERIAL PRIMARY KEY,
    session_id        UUID        NOT NULL,
    timestamp         TIMESTAMPTZ NOT NULL,
    -- user_input, agent_thought, dsl_command, response, error
    entry_type        TEXT        NOT NULL,
    content           TEXT        NOT NULL,
    -- events.log.id of the command the entry refers to; null when it has none, or until that
    -- event is exported (it is linked then, whichever of the two is exported first)
    event_id          BIGINT,
    source            TEXT        NOT NULL,
    metadata          JSONB       NOT NULL DEFAULT '{}',
    -- the entry's number in its logger (what SessionLogger returned)
    entry_no          BIGINT      NOT NULL,
    -- the reference as logged: the command's session, start (ns since the epoch) and verb
    event_session_id  UUID,
    event_epoch_nanos BIGINT,
    event_verb        TEXT,
    epoch_nanos       BIGINT      NOT NULL,
    origin            UUID        NOT NULL,
    position          BIGINT      NOT NULL,
    CONSTRAINT log_origin_position_key UNIQUE (origin, position)
);

CREATE INDEX idx_session_log_session ON sessions.log (session_id, timestamp);
CREATE INDEX log_event_idx ON sessions.log (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX log_unlinked_idx ON sessions.log (event_session_id, event_epoch_nanos)
    WHERE event_id IS NULL AND event_epoch_nanos IS NOT NULL;

-- One row per export (a queue's origin and the export's resume name): the position of the last
-- event it exported and how many it exported, committed in the same transaction as those rows.
CREATE TABLE events.export_checkpoint (
    origin        UUID        NOT NULL,
    name          TEXT        NOT NULL,
    last_position BIGINT      NOT NULL,
    exported      BIGINT      NOT NULL,
    source        TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (origin, name)
);
