package dev.telltale.store.chronicle;

import dev.telltale.api.DslEvent;
import java.util.Objects;

/**
 * An event as read from the queue, with its place there.
 *
 * @param index the event's Chronicle index: its cycle in the high bits, its sequence in the cycle in
 *     the low bits; increasing in queue order. {@code Position.AtIndex(index)} starts at this event
 * @param event the event
 */
public record RecordedEvent(long index, DslEvent event) {

    /** Checks the event is present. */
    public RecordedEvent {
        Objects.requireNonNull(event, "event");
    }
}
