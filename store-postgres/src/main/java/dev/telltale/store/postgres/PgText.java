package dev.telltale.store.postgres;

import dev.telltale.api.DslEvent;
import dev.telltale.api.ErrorSnapshot;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventPayload.CommandFailed;
import dev.telltale.api.EventPayload.CommandSucceeded;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.EventRef;

/**
 * The two kinds of text PostgreSQL cannot store, replaced: a NUL ({@code U+0000}, which neither
 * {@code TEXT} nor {@code JSONB} holds) by {@code U+2400} (SYMBOL FOR NULL, "␀"), and a lone surrogate
 * (not valid UTF-8) by {@code U+FFFD} (REPLACEMENT CHARACTER). Everything else is stored exactly.
 * The Chronicle queue and a JSON Lines export keep the original.
 */
final class PgText {

    static final char NUL_REPLACEMENT = '\u2400';
    static final char SURROGATE_REPLACEMENT = '\uFFFD';

    private PgText() {}

    /** {@code text} with the replacements made; {@code text} itself when none is needed. */
    static String clean(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == 0) {
                chars[i] = NUL_REPLACEMENT;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                    i++;
                } else {
                    chars[i] = SURROGATE_REPLACEMENT;
                }
            } else if (Character.isLowSurrogate(c)) {
                chars[i] = SURROGATE_REPLACEMENT;
            }
        }
        return new String(chars);
    }

    private static boolean isClean(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code event} with every text cleaned; {@code event} itself when none needed it. */
    static DslEvent clean(DslEvent event) {
        EventPayload payload = event.payload();
        EventPayload cleaned = payload;
        if (payload instanceof CommandSucceeded succeeded) {
            String verb = clean(succeeded.verb());
            if (verb != succeeded.verb()) {
                cleaned = new CommandSucceeded(verb, succeeded.durationNanos());
            }
        } else if (payload instanceof CommandFailed failed) {
            ErrorSnapshot error = failed.error();
            String verb = clean(failed.verb());
            String type = clean(error.errorType());
            String message = clean(error.message());
            String sourceId = clean(error.sourceId());
            String errorVerb = clean(error.verb());
            if (verb != failed.verb()
                    || type != error.errorType()
                    || message != error.message()
                    || sourceId != error.sourceId()
                    || errorVerb != error.verb()) {
                cleaned = new CommandFailed(
                        verb,
                        failed.durationNanos(),
                        new ErrorSnapshot(type, message, sourceId, error.httpStatus(), errorVerb));
            }
        } else if (payload instanceof SessionEntry entry) {
            String source = clean(entry.source());
            String content = clean(entry.content());
            EventRef ref = entry.event();
            String refVerb = ref == null ? null : clean(ref.verb());
            if (source != entry.source() || content != entry.content() || (ref != null && refVerb != ref.verb())) {
                cleaned = new SessionEntry(
                        entry.entryType(),
                        entry.entryNo(),
                        source,
                        content,
                        ref == null || refVerb == ref.verb()
                                ? ref
                                : new EventRef(ref.sessionId(), ref.epochNanos(), refVerb));
            }
        }
        return cleaned == payload ? event : new DslEvent(event.epochNanos(), event.sessionId(), cleaned);
    }
}
