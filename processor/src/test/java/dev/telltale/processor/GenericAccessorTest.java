package dev.telltale.processor;

import static dev.telltale.processor.Harness.assertSucceeded;
import static dev.telltale.processor.Harness.call;
import static dev.telltale.processor.Harness.create;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.JavaFileObjects;
import java.util.UUID;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code @Verb("accessor")} and {@code @SessionId("accessor")} on a parameter whose type is a type
 * variable (of the class or of the method) or has an intersection bound: the accessor is found through
 * the bounds (it was refused with TT014), compiles warning-free in both builds and records.
 */
class GenericAccessorTest {

    private static final JavaFileObject CMD = JavaFileObjects.forSourceLines(
            "com.acme.Cmd",
            "package com.acme;",
            "",
            "public interface Cmd {",
            "    String verb();",
            "",
            "    java.util.UUID session();",
            "}");

    private static final JavaFileObject TAGGED = JavaFileObjects.forSourceLines(
            "com.acme.Tagged", "package com.acme;", "", "public interface Tagged {", "    String tag();", "}");

    private static final JavaFileObject BASE = JavaFileObjects.forSourceLines(
            "com.acme.Base",
            "package com.acme;",
            "",
            "public abstract class Base {",
            "    public abstract String name();",
            "}");

    private static final JavaFileObject REQUEST = JavaFileObjects.forSourceLines(
            "com.acme.Request",
            "package com.acme;",
            "",
            "import java.util.UUID;",
            "",
            "public final class Request extends Base implements Cmd, Tagged {",
            "    private final String verb;",
            "    private final UUID session;",
            "",
            "    public Request(String verb, UUID session) {",
            "        this.verb = verb;",
            "        this.session = session;",
            "    }",
            "",
            "    public String verb() {",
            "        return verb;",
            "    }",
            "",
            "    public UUID session() {",
            "        return session;",
            "    }",
            "",
            "    public String tag() {",
            "        return \"tag.\" + verb;",
            "    }",
            "",
            "    public String name() {",
            "        return \"request\";",
            "    }",
            "}");

    private static final JavaFileObject DISPATCHER = JavaFileObjects.forSourceLines(
            "com.acme.Dispatcher",
            "package com.acme;",
            "",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "import dev.telltale.api.SessionId;",
            "import dev.telltale.api.Verb;",
            "",
            "@Instrumented",
            "public class Dispatcher<C extends Cmd> {",
            "    @Command",
            "    public String run(@Verb(\"verb\") C command) {",
            "        return \"ran \" + command.verb();",
            "    }",
            "",
            "    @Command",
            "    public <D extends Cmd> String inSession(@Verb(\"verb\") @SessionId(\"session\") D command) {",
            "        return \"in session\";",
            "    }",
            "",
            "    @Command",
            "    public <T extends Base & Tagged> String tagged(@Verb(\"tag\") T command) {",
            "        return \"tagged \" + command.name();",
            "    }",
            "}");

    @RegisterExtension
    final Harness harness = new Harness();

    private static Object request(ClassLoader loader, String verb, UUID session) throws ReflectiveOperationException {
        return Harness.load(loader, "com.acme.Request")
                .getConstructor(String.class, UUID.class)
                .newInstance(verb, session);
    }

    @Test
    void accessorOfAClassTypeVariable_isReadThroughItsBound() throws Throwable {
        ClassLoader loader = Harness.compile(true, CMD, TAGGED, BASE, REQUEST, DISPATCHER);
        Object dispatcher = create(loader, "com.acme.DispatcherFactory");

        assertThat(call(dispatcher, "run", request(loader, "cbu.create", null))).isEqualTo("ran cbu.create");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "cbu.create", null));
    }

    @Test
    void verbAndSessionOfAMethodTypeVariable_areReadThroughItsBound() throws Throwable {
        ClassLoader loader = Harness.compile(true, CMD, TAGGED, BASE, REQUEST, DISPATCHER);
        Object dispatcher = create(loader, "com.acme.DispatcherFactory");
        UUID session = UUID.randomUUID();

        assertThat(call(dispatcher, "inSession", request(loader, "cbu.get", session)))
                .isEqualTo("in session");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "cbu.get", session));
    }

    @Test
    void accessorOfAnIntersectionBound_isFoundInTheBoundThatHasIt() throws Throwable {
        ClassLoader loader = Harness.compile(true, CMD, TAGGED, BASE, REQUEST, DISPATCHER);
        Object dispatcher = create(loader, "com.acme.DispatcherFactory");

        assertThat(call(dispatcher, "tagged", request(loader, "x", null))).isEqualTo("tagged request");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "tag.x", null));
    }

    @Test
    void thePlainBuild_compilesWarningFreeToo() throws Throwable {
        ClassLoader loader = Harness.compile(false, CMD, TAGGED, BASE, REQUEST, DISPATCHER);

        assertThat(create(loader, "com.acme.DispatcherFactory").getClass().getName())
                .isEqualTo("com.acme.Dispatcher");
    }
}
