package dev.telltale.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in rules, configured rules and redactors, on the texts events carry. */
class RedactionTest {

    /** One planted secret of each built-in kind: the secret, the text around it, and the rule's name. */
    static final List<String[]> PLANTED = List.of(
            new String[] {"hunter2", "login password=hunter2 rejected", "password"},
            new String[] {"s3cr3t-Value", "config: {\"client_secret\": \"s3cr3t-Value\"}", "password"},
            new String[] {"AbCdEfGh.1234567890", "Authorization: Bearer AbCdEfGh.1234567890", "bearer"},
            new String[] {"AKIAIOSFODNN7EXAMPLE", "key id AKIAIOSFODNN7EXAMPLE used", "aws-access-key-id"},
            new String[] {
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "aws-secret-key"
            },
            new String[] {
                "ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
                "token ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 leaked",
                "github-token"
            },
            new String[] {"xoxb-123456789012-abcdefghij", "slack xoxb-123456789012-abcdefghij here", "slack-token"},
            new String[] {
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.sig_nature",
                "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.sig_nature end",
                "jwt"
            },
            new String[] {
                "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
                "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----",
                "private-key"
            },
            new String[] {"4111 1111 1111 1111", "card 4111 1111 1111 1111 charged", "card-number"},
            new String[] {"Pa55word", "jdbc:postgresql://ada:Pa55word@db/telltale", "url-password"});

    private final Redaction redaction = Redaction.of(Map.of(), List.of());

    @Test
    void everyBuiltInKind_isReplacedByItsMarker_andCounted() {
        for (String[] planted : PLANTED) {
            String redacted = redaction.text(planted[1]);

            assertThat(redacted).as(planted[1]).doesNotContain(planted[0]).contains("[REDACTED:" + planted[2] + "]");
        }
        assertThat(redaction.redacted()).isEqualTo(PLANTED.size());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "cbu.create name=Acme",
                "no entity with id cbu-100141",
                "order 4111 1111 1111 1112 is not a card",
                "the password field is required",
                "sha1 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"
            })
    void ordinaryText_isLeftAlone_withoutACopy(String text) {
        assertThat(redaction.text(text)).isSameAs(text);
        assertThat(redaction.redacted()).isZero();
    }

    @Test
    void keyValuePairs_keepTheirKey_soTheRecordKeepsItsMeaning() {
        assertThat(redaction.text("user=ada password=hunter2 token: abc123, next"))
                .isEqualTo("user=ada password=[REDACTED:password] token: [REDACTED:password], next");
        assertThat(redaction.text("curl -H 'Authorization: Bearer abcdefgh123'"))
                .isEqualTo("curl -H 'Authorization: Bearer [REDACTED:bearer]'");
    }

    @Test
    void configuredRules_andRedactors_runAfterTheBuiltInOnes() {
        List<String> seen = new ArrayList<>();
        Redaction configured = Redaction.of(
                Map.of("employee-id", "E-\\d{6}", "pin", "pin (?<secret>\\d{4})"),
                List.of(
                        text -> {
                            seen.add(text);
                            return text.replace("Acme", "[REDACTED:customer]");
                        },
                        text -> {
                            throw new IllegalStateException("broken redactor");
                        }));

        assertThat(configured.text("Acme: E-123456, pin 1234, password=x"))
                .isEqualTo("[REDACTED:customer]: [REDACTED:employee-id], pin [REDACTED:pin],"
                        + " password=[REDACTED:password]");
        assertThat(seen)
                .containsExactly("Acme: [REDACTED:employee-id], pin [REDACTED:pin], password=[REDACTED:password]");
        assertThat(configured.redacted()).isEqualTo(4);
        assertThat(configured.isEnabled()).isTrue();
        assertThat(Redaction.NONE.isEnabled()).isFalse();
    }

    @Test
    void aRuleThatIsNoRegularExpression_isRefusedNamingIt() {
        assertThatThrownBy(() -> Redaction.of(Map.of("broken", "(unclosed"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("redact rule 'broken' is not a valid regular expression: ");
        assertThatThrownBy(() -> Redaction.compile("bad name", "x"))
                .hasMessage("redact rule name: letters, digits, '.', '_' or '-', got 'bad name'");
    }

    @Test
    void events_failedCommandsAndSessionEntries_areRedacted_theRestIsNotTouched() {
        UUID session = UUID.randomUUID();
        DslEvent failed = DslEvent.failed(
                1, session, "db.connect", 5, new IllegalStateException("cannot log in with password=hunter2"));
        EventRef ref = new EventRef(session, 1, "db.connect");
        DslEvent entry = DslEvent.sessionEntry(
                2, session, new EventPayload.SessionEntry(EntryType.USER_INPUT, 3, "REPL", "my token=abc", ref));
        DslEvent succeeded = DslEvent.succeeded(3, session, "cbu.create", 7);
        List<DslEvent> batch = new ArrayList<>(List.of(failed, entry, succeeded));

        redaction.apply(batch);

        EventPayload.CommandFailed failedPayload =
                (EventPayload.CommandFailed) batch.get(0).payload();
        assertThat(failedPayload.error().message()).isEqualTo("cannot log in with password=[REDACTED:password]");
        assertThat(failedPayload.verb()).isEqualTo("db.connect");
        assertThat(batch.get(0).sessionId()).isEqualTo(session);
        EventPayload.SessionEntry entryPayload =
                (EventPayload.SessionEntry) batch.get(1).payload();
        assertThat(entryPayload.content()).isEqualTo("my token=[REDACTED:password]");
        assertThat(entryPayload.event()).as("still linked to its command").isEqualTo(ref);
        assertThat(entryPayload.entryNo()).isEqualTo(3);
        assertThat(batch.get(2)).isSameAs(succeeded);
    }

    @ParameterizedTest
    @CsvSource({"4111111111111111, true", "4111111111111112, false", "79927398713, false", "0000000000000, true"})
    void luhn(String digits, boolean passes) {
        assertThat(Redaction.passesLuhn(digits, 0, digits.length())).isEqualTo(passes);
    }

    @Test
    void failures_withNothingToHide_andSourceIds_andShortTexts() {
        UUID session = UUID.randomUUID();
        DslEvent plain = DslEvent.failed(1, session, "cbu.get", 5, new IllegalStateException("no entity cbu-1"));
        DslEvent entry = DslEvent.sessionEntry(
                2, session, new EventPayload.SessionEntry(EntryType.RESPONSE, 1, "REPL", "cbu-1 created", null));
        assertThat(redaction.redact(plain)).isSameAs(plain);
        assertThat(redaction.redact(entry)).isSameAs(entry);
        assertThat(redaction.text(null)).isNull();
        assertThat(redaction.text("pwd")).isEqualTo("pwd");

        class Failing extends RuntimeException implements dev.telltale.api.HasSourceId {
            Failing() {
                super("rejected");
            }

            @Override
            public String sourceId() {
                return "token=abc123";
            }
        }
        DslEvent withSource = DslEvent.failed(3, session, "cbu.get", 5, new Failing());
        EventPayload.CommandFailed payload =
                (EventPayload.CommandFailed) redaction.redact(withSource).payload();
        assertThat(payload.error().sourceId()).isEqualTo("token=[REDACTED:password]");
        assertThat(payload.error().message()).isEqualTo("rejected");
    }

    @ParameterizedTest
    @CsvSource({
        "4111-1111-1111-1111, true",
        "4111 1111 1111 1111 0000, false",
        "411111111111, false",
        "4222222222222, true",
        "6011000000000004, true",
        "79927398713000000000, false"
    })
    void luhn_countsDigitsOnly_from13To19(String digits, boolean passes) {
        assertThat(Redaction.passesLuhn(digits, 0, digits.length())).isEqualTo(passes);
    }

    @Test
    void aValidRuleName_isAccepted() {
        assertThat(Redaction.compile("employee.id_2-x", "E-\\d+").pattern()).isEqualTo("E-\\d+");
    }
}
