package dev.telltale.cli;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventPayload;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Which events a command shows: by verb glob, failures only, by session. Immutable. */
final class EventFilter implements Predicate<DslEvent> {

    private final Pattern verb;
    private final boolean failedOnly;
    private final UUID session;

    EventFilter(String verbGlob, boolean failedOnly, UUID session) {
        this.verb = verbGlob == null ? null : Pattern.compile(globToRegex(verbGlob));
        this.failedOnly = failedOnly;
        this.session = session;
    }

    static EventFilter all() {
        return new EventFilter(null, false, null);
    }

    @Override
    public boolean test(DslEvent event) {
        if (session != null && !session.equals(event.sessionId())) {
            return false;
        }
        if (failedOnly && !(event.payload() instanceof EventPayload.CommandFailed)) {
            return false;
        }
        if (verb != null) {
            String eventVerb = event.commandVerb();
            return eventVerb != null && verb.matcher(eventVerb).matches();
        }
        return true;
    }

    /** {@code cbu.*} to a regex: {@code *} any run of characters, {@code ?} one, everything else literal. */
    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }
}
