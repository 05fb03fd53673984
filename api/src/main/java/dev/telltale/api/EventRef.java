package dev.telltale.api;

import java.util.UUID;

/**
 * A reference to one recorded command event, for a {@link SessionLogger} entry to point at: the
 * command's session, its start to the nanosecond and its verb. Exported to PostgreSQL, an entry's
 * {@code sessions.log.event_id} is the {@code events.log.id} of the event these three identify.
 * Get one from {@link TelltaleSession#lastCommand()} right after the command returns or throws.
 *
 * @param sessionId the command's session
 * @param epochNanos when the command started, in nanoseconds since the epoch (its event's timestamp)
 * @param verb the command's verb as recorded
 */
public record EventRef(UUID sessionId, long epochNanos, String verb) {

    public EventRef {
        if (sessionId == null) {
            throw new NullPointerException("sessionId must not be null");
        }
        verb = Strings.cut(Strings.requireText(verb, "verb"), EventPayload.MAX_VERB_LENGTH);
    }

    /**
     * The reference to {@code event}, a command recorded in a session.
     *
     * @throws IllegalArgumentException if the event is not a command or has no session
     */
    public static EventRef to(DslEvent event) {
        String verb = event.commandVerb();
        if (verb == null) {
            throw new IllegalArgumentException("only a command's event can be referred to, not "
                    + event.type().wireName());
        }
        if (event.sessionId() == null) {
            throw new IllegalArgumentException("only an event recorded in a session can be referred to");
        }
        return new EventRef(event.sessionId(), event.epochNanos(), verb);
    }
}
