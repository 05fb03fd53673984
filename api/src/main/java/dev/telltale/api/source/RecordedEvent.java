package dev.telltale.api.source;

import dev.telltale.api.DslEvent;
import java.util.Objects;

/**
 * An event as read from a source, with its place there.
 *
 * @param position the event's position in its source, increasing in source order: a Chronicle queue's
 *     index (its cycle in the high bits, its sequence in the cycle in the low bits), a JSON Lines
 *     file's line number. {@code Position.AtIndex(position)} starts at this event
 * @param event the event
 */
public record RecordedEvent(long position, DslEvent event) {

    /** Checks the event is present. */
    public RecordedEvent {
        Objects.requireNonNull(event, "event");
    }
}
