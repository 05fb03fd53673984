package dev.telltale.api;

/**
 * The kind of a {@link SessionLogger} entry, with the stable name every persisted form uses for it
 * ({@code sessions.log.entry_type} in PostgreSQL). Never change a wire name.
 */
public enum EntryType {
    /** What the user typed or said. */
    USER_INPUT("user_input"),
    /** An agent's reasoning before it acts. */
    AGENT_THOUGHT("agent_thought"),
    /** A DSL command as it was run, usually with a reference to its event. */
    DSL_COMMAND("dsl_command"),
    /** What the user was shown. */
    RESPONSE("response"),
    /** An error the user was shown, usually with a reference to the failed command's event. */
    ERROR("error");

    private final String wireName;

    EntryType(String wireName) {
        this.wireName = wireName;
    }

    /** The name persisted stores write for this type, such as {@code dsl_command}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The type with the given wire name.
     *
     * @throws IllegalArgumentException naming the value when no type has that name
     */
    public static EntryType fromWireName(String wireName) {
        for (EntryType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        String shown = wireName == null ? "null" : "'" + Strings.cut(wireName, 64) + "'";
        throw new IllegalArgumentException("unknown entry type " + shown);
    }
}
