package dev.telltale.api;

/**
 * The kind of an {@link EventPayload}, with the stable name every persisted form uses for it.
 * Never change a wire name: files written today must stay readable.
 */
public enum EventType {
    COMMAND_SUCCEEDED("command_succeeded"),
    COMMAND_FAILED("command_failed"),
    SESSION_STARTED("session_started"),
    SESSION_ENDED("session_ended"),
    /** A {@link SessionLogger} entry; exported to {@code sessions.log}, not {@code events.log}. */
    SESSION_ENTRY("session_entry"),
    /**
     * The recorder's own account of what it dropped and lost ({@link EventPayload.RecorderAccount}),
     * written by the drain, never emitted by an application.
     */
    RECORDER_ACCOUNT("recorder_account");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name persisted stores write for this type, such as {@code command_failed}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The type with the given wire name.
     *
     * @throws IllegalArgumentException naming the value when no type has that name
     */
    public static EventType fromWireName(String wireName) {
        for (EventType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        String shown = wireName == null ? "null" : "'" + Strings.cut(wireName, 64) + "'";
        throw new IllegalArgumentException("unknown event type " + shown);
    }
}
