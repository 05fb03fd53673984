package dev.telltale.processor;

import static dev.telltale.processor.Harness.assertFailed;
import static dev.telltale.processor.Harness.assertSucceeded;
import static dev.telltale.processor.Harness.call;
import static dev.telltale.processor.Harness.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.testing.compile.JavaFileObjects;
import dev.telltale.api.DslEvent;
import dev.telltale.api.EventPayload;
import dev.telltale.api.SessionSource;
import dev.telltale.api.TelltaleSession;
import java.util.UUID;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Where an event's verb and session come from, in the order {@code @Command}'s Javadoc gives. */
class VerbsAndSessionsTest {

    private static final JavaFileObject REQUEST = JavaFileObjects.forSourceLines(
            "com.acme.Request",
            "package com.acme;",
            "",
            "import java.util.UUID;",
            "",
            "public final class Request {",
            "    private final String verb;",
            "    private final UUID id;",
            "",
            "    public Request(String verb, UUID id) {",
            "        this.verb = verb;",
            "        this.id = id;",
            "    }",
            "",
            "    public String verb() {",
            "        if (\"boom\".equals(verb)) {",
            "            throw new IllegalStateException(\"verb accessor failed\");",
            "        }",
            "        if (\"error\".equals(verb)) {",
            "            throw new AssertionError(\"verb accessor error\");",
            "        }",
            "        return verb;",
            "    }",
            "",
            "    public UUID id() {",
            "        if (\"boom\".equals(verb)) {",
            "            throw new IllegalStateException(\"id accessor failed\");",
            "        }",
            "        if (\"error\".equals(verb)) {",
            "            throw new AssertionError(\"id accessor error\");",
            "        }",
            "        return id;",
            "    }",
            "}");

    private static final JavaFileObject CONSOLE = JavaFileObjects.forSourceLines(
            "com.acme.Console",
            "package com.acme;",
            "",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "import dev.telltale.api.SessionId;",
            "import dev.telltale.api.Verb;",
            "import java.util.UUID;",
            "",
            "@Instrumented",
            "public class Console {",
            "    public enum Kind {",
            "        CREATE_CBU;",
            "",
            "        @Override",
            "        public String toString() {",
            "            return \"not the name\";",
            "        }",
            "    }",
            "",
            "    @Command(verb = \"cbu.create\")",
            "    public String createCbu(String name) {",
            "        return \"created \" + name;",
            "    }",
            "",
            "    @Command",
            "    public String run(@Verb String verb, String line) {",
            "        return \"ran \" + line;",
            "    }",
            "",
            "    @Command",
            "    public String text(@Verb CharSequence verb) {",
            "        return \"text\";",
            "    }",
            "",
            "    @Command",
            "    public String kind(@Verb Kind kind) {",
            "        return \"kind\";",
            "    }",
            "",
            "    @Command",
            "    public String handle(@Verb(\"verb\") Request request) {",
            "        return \"handled\";",
            "    }",
            "",
            "    @Command",
            "    public String inSession(@SessionId UUID session, String line) {",
            "        return \"in session \" + line;",
            "    }",
            "",
            "    @Command",
            "    public String handleInSession(@SessionId(\"id\") Request request) {",
            "        return \"handled in session\";",
            "    }",
            "",
            "    @Command",
            "    public void fail(IllegalStateException failure) {",
            "        throw failure;",
            "    }",
            "}");

    /** A user's CharSequence whose toString() fails with an Error. */
    private static final JavaFileObject HOSTILE_TEXT = JavaFileObjects.forSourceLines(
            "com.acme.HostileText",
            "package com.acme;",
            "",
            "public final class HostileText implements CharSequence {",
            "    public int length() {",
            "        return 3;",
            "    }",
            "",
            "    public char charAt(int index) {",
            "        return 'x';",
            "    }",
            "",
            "    public CharSequence subSequence(int start, int end) {",
            "        return this;",
            "    }",
            "",
            "    @Override",
            "    public String toString() {",
            "        throw new AssertionError(\"toString failed\");",
            "    }",
            "}");

    private static ClassLoader loader;

    @RegisterExtension
    final Harness harness = new Harness();

    private Object console;

    @BeforeAll
    static void compile() {
        loader = Harness.compile(true, REQUEST, HOSTILE_TEXT, CONSOLE);
    }

    @BeforeEach
    void createConsole() throws Throwable {
        console = create(loader, "com.acme.ConsoleFactory");
    }

    private static Object request(String verb, UUID id) throws ReflectiveOperationException {
        return Harness.load(loader, "com.acme.Request")
                .getConstructor(String.class, UUID.class)
                .newInstance(verb, id);
    }

    @Test
    void verb_fromCommandAttribute() throws Throwable {
        assertThat(call(console, "createCbu", "acme")).isEqualTo("created acme");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "cbu.create", null));
    }

    @Test
    void verb_withoutAttribute_isTheMethodName() {
        IllegalStateException failure = new IllegalStateException("nope");

        assertThat(catchThrowable(() -> call(console, "fail", failure))).isSameAs(failure);
        assertThat(harness.events()).singleElement().satisfies(event -> assertFailed(event, "fail", null, failure));
    }

    @Test
    void verb_fromStringParameter() throws Throwable {
        assertThat(call(console, "run", "dsl.run", "line")).isEqualTo("ran line");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "dsl.run", null));
    }

    @Test
    void verb_fromEnumParameter_isItsName() throws Throwable {
        Object createCbu = Harness.load(loader, "com.acme.Console$Kind").getEnumConstants()[0];

        assertThat(call(console, "kind", createCbu)).isEqualTo("kind");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "CREATE_CBU", null));
    }

    @Test
    void verb_fromAccessorOfParameter() throws Throwable {
        assertThat(call(console, "handle", request("cbu.delete", null))).isEqualTo("handled");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "cbu.delete", null));
    }

    @Test
    void verb_nullOrBlankArgument_recordsUnknown() throws Throwable {
        call(console, "run", null, "a");
        call(console, "run", "   ", "b");
        call(console, "kind", new Object[] {null});
        call(console, "handle", new Object[] {null});
        call(console, "handle", request(null, null));

        assertThat(harness.events()).hasSize(5).allSatisfy(event -> assertSucceeded(event, "unknown", null));
    }

    @Test
    void verb_accessorThrows_recordsUnknownAndStillRunsTheCommand() throws Throwable {
        assertThat(call(console, "handle", request("boom", null))).isEqualTo("handled");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "unknown", null));
    }

    @Test
    void verb_accessorThrowsAnError_recordsUnknownAndStillRunsTheCommand() throws Throwable {
        assertThat(call(console, "handle", request("error", null))).isEqualTo("handled");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "unknown", null));
    }

    @Test
    void verb_charSequenceWhoseToStringThrowsAnError_recordsUnknownAndStillRunsTheCommand() throws Throwable {
        Object hostile =
                Harness.load(loader, "com.acme.HostileText").getConstructor().newInstance();

        assertThat(call(console, "text", hostile)).isEqualTo("text");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "unknown", null));
    }

    @Test
    void session_accessorThrowsAnError_recordsNoSessionAndStillRunsTheCommand() throws Throwable {
        assertThat(call(console, "handleInSession", request("error", null))).isEqualTo("handled in session");
        assertThat(harness.events())
                .singleElement()
                .satisfies(event -> assertSucceeded(event, "handleInSession", null));
    }

    @Test
    void session_fromUuidParameter() throws Throwable {
        UUID session = UUID.randomUUID();

        assertThat(call(console, "inSession", session, "x")).isEqualTo("in session x");
        call(console, "inSession", null, "y");

        assertThat(harness.events())
                .satisfiesExactly(
                        event -> assertSucceeded(event, "inSession", session),
                        event -> assertSucceeded(event, "inSession", null));
    }

    @Test
    void session_fromAccessorOfParameter() throws Throwable {
        UUID session = UUID.randomUUID();

        assertThat(call(console, "handleInSession", request("v", session))).isEqualTo("handled in session");
        call(console, "handleInSession", new Object[] {null});

        assertThat(harness.events())
                .satisfiesExactly(
                        event -> assertSucceeded(event, "handleInSession", session),
                        event -> assertSucceeded(event, "handleInSession", null));
    }

    @Test
    void session_accessorThrows_recordsNoSessionAndStillRunsTheCommand() throws Throwable {
        assertThat(call(console, "handleInSession", request("boom", UUID.randomUUID())))
                .isEqualTo("handled in session");
        assertThat(harness.events())
                .singleElement()
                .satisfies(event -> assertSucceeded(event, "handleInSession", null));
    }

    @Test
    void session_current_isCarriedByCommandsAndCounted() throws Throwable {
        IllegalStateException failure = new IllegalStateException("bad line");
        TelltaleSession opened;
        try (TelltaleSession session = TelltaleSession.open(SessionSource.REPL)) {
            opened = session;
            call(console, "createCbu", "acme");
            assertThat(catchThrowable(() -> call(console, "fail", failure))).isSameAs(failure);
        }
        UUID id = opened.id();

        assertThat(harness.events())
                .satisfiesExactly(
                        event -> assertThat(event)
                                .isEqualTo(new DslEvent(
                                        event.epochNanos(), id, new EventPayload.SessionStarted(SessionSource.REPL))),
                        event -> assertSucceeded(event, "cbu.create", id),
                        event -> assertFailed(event, "fail", id, failure),
                        event -> {
                            assertThat(event.sessionId()).isEqualTo(id);
                            assertThat(event.payload())
                                    .isInstanceOfSatisfying(EventPayload.SessionEnded.class, ended -> {
                                        assertThat(ended.commandCount()).isEqualTo(2);
                                        assertThat(ended.errorCount()).isEqualTo(1);
                                    });
                        });
        assertThat(opened.commandCount()).isEqualTo(2);
        assertThat(opened.errorCount()).isEqualTo(1);
        assertThat(TelltaleSession.current()).isNull();
    }

    @Test
    void session_none_recordsNullSession() throws Throwable {
        assertThat(TelltaleSession.current()).isNull();

        call(console, "createCbu", "acme");

        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "cbu.create", null));
    }

    @Test
    void session_parameter_overridesCurrentAndIsCountedOnlyWhenItIsTheCurrentOne() throws Throwable {
        UUID other = UUID.randomUUID();
        TelltaleSession opened;
        try (TelltaleSession session = TelltaleSession.open(SessionSource.API)) {
            opened = session;
            call(console, "inSession", session.id(), "mine");
            call(console, "inSession", other, "theirs");
        }

        assertThat(harness.events())
                .filteredOn(event -> event.payload() instanceof EventPayload.CommandSucceeded)
                .satisfiesExactly(
                        event -> assertSucceeded(event, "inSession", opened.id()),
                        event -> assertSucceeded(event, "inSession", other));
        assertThat(opened.commandCount()).isEqualTo(1);
    }
}
