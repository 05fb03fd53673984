package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link EventRef}: what a session entry may refer to. */
class EventRefTest {

    private static final UUID SESSION = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    private static final long AT = 1_700_000_000_123_456_789L;

    @Test
    void to_aSucceededCommand_isItsSessionStartAndVerb() {
        assertThat(EventRef.to(DslEvent.succeeded(AT, SESSION, "cbu.create", 10)))
                .isEqualTo(new EventRef(SESSION, AT, "cbu.create"));
    }

    @Test
    void to_aFailedCommand_isItsSessionStartAndVerb() {
        assertThat(EventRef.to(DslEvent.failed(AT, SESSION, "cbu.get", 10, new IllegalStateException("no"))))
                .isEqualTo(new EventRef(SESSION, AT, "cbu.get"));
    }

    @Test
    void to_aSessionEvent_rejectsNamingItsType() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventRef.to(DslEvent.sessionStarted(AT, SESSION, SessionSource.REPL)))
                .withMessage("only a command's event can be referred to, not session_started");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventRef.to(DslEvent.sessionEntry(
                        AT, SESSION, new EventPayload.SessionEntry(EntryType.RESPONSE, 1, "REPL", "", null))))
                .withMessage("only a command's event can be referred to, not session_entry");
    }

    @Test
    void to_aCommandOutsideAnySession_rejects() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventRef.to(DslEvent.succeeded(AT, null, "cbu.create", 10)))
                .withMessage("only an event recorded in a session can be referred to");
    }

    @Test
    void new_validatesAndCutsTheVerbAsAnEventDoes() {
        assertThatNullPointerException()
                .isThrownBy(() -> new EventRef(null, AT, "v"))
                .withMessageContaining("sessionId");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EventRef(SESSION, AT, " "))
                .withMessageContaining("verb");
        assertThat(new EventRef(SESSION, AT, "v".repeat(300)).verb()).hasSize(EventPayload.MAX_VERB_LENGTH);
    }
}
