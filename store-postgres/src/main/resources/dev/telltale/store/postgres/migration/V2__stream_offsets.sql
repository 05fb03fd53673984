-- Telltale schema 2: where a consumer of a shared stream (a Kafka consumer group reading a topic that
-- many hosts ship into) goes on from, per partition, committed in the same transaction as the rows it
-- wrote. Read back when the consumer is given a partition; a write checks the offset it expects.

CREATE TABLE events.stream_offsets (
    consumer    TEXT        NOT NULL,
    stream      TEXT        NOT NULL,
    partition   INTEGER     NOT NULL,
    -- the offset to read next
    next_offset BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, stream, partition)
);
