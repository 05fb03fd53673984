package dev.telltale.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.telltale.processor.Harness.call;
import static dev.telltale.processor.Harness.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.telltale.api.SessionSource;
import dev.telltale.api.TelltaleSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two ways not to record: the runtime off-switch in an events build ({@code Events.disabled()}
 * installed), and a build without the events profile, which must leave no trace of the machinery.
 */
class OffSwitchTest {

    private static final JavaFileObject SWITCHBOARD = JavaFileObjects.forSourceLines(
            "com.acme.Switchboard",
            "package com.acme;",
            "",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "import java.io.IOException;",
            "",
            "@Instrumented",
            "public class Switchboard<T extends CharSequence> {",
            "    @Command",
            "    public T route(T line) {",
            "        return line;",
            "    }",
            "",
            "    @Command",
            "    public void reject(IOException failure) throws IOException {",
            "        throw failure;",
            "    }",
            "}");

    private static ClassLoader eventsBuild;
    private static Compilation plainCompilation;
    private static ClassLoader plainBuild;

    @RegisterExtension
    final Harness harness = new Harness();

    @BeforeAll
    static void compile() {
        eventsBuild = Harness.compile(true, SWITCHBOARD);
        plainCompilation = Compiler.compile(false, SWITCHBOARD);
        assertThat(plainCompilation).succeededWithoutWarnings();
        plainBuild = Compiler.load(plainCompilation);
    }

    @Test
    void runtimeOffSwitch_callsBehaveTheSame_andNothingIsRecorded() throws Throwable {
        harness.switchOff();
        Object switchboard = create(eventsBuild, "com.acme.SwitchboardFactory");
        StringBuilder line = new StringBuilder("line");
        IOException failure = new IOException("rejected");

        try (TelltaleSession session = TelltaleSession.open(SessionSource.GUI)) {
            assertThat(call(switchboard, "route", line)).isSameAs(line);
            assertThat(catchThrowable(() -> call(switchboard, "reject", failure)))
                    .isSameAs(failure);
            assertThat(session.commandCount())
                    .as("commands counted in the session")
                    .isZero();
        }

        assertThat(switchboard.getClass().getName()).isEqualTo("com.acme.Switchboard_Events");
        assertThat(harness.emitted()).isZero();
        assertThat(harness.events()).isEmpty();
    }

    @Test
    void nonEventsBuild_factoryCreatesExactlyTheExecutorClass() throws Throwable {
        Object switchboard = create(plainBuild, "com.acme.SwitchboardFactory");
        StringBuilder line = new StringBuilder("line");
        IOException failure = new IOException("rejected");

        assertThat(switchboard.getClass()).isSameAs(Harness.load(plainBuild, "com.acme.Switchboard"));
        assertThat(call(switchboard, "route", line)).isSameAs(line);
        assertThat(catchThrowable(() -> call(switchboard, "reject", failure))).isSameAs(failure);
        assertThat(harness.emitted()).as("emitted while recording was on").isZero();
        assertThat(harness.events()).isEmpty();
    }

    @Test
    void nonEventsBuild_generatesNoSubclass() {
        assertThat(plainCompilation.generatedSourceFile("com.acme.Switchboard_Events"))
                .isEmpty();
        assertThat(plainCompilation.generatedFiles())
                .extracting(JavaFileObject::getName)
                .noneMatch(name -> name.contains("_Events"));
        assertThatThrownBy(() -> plainBuild.loadClass("com.acme.Switchboard_Events"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void nonEventsBuild_factorySource_mentionsTelltaleOnlyInItsGeneratedAnnotation() throws IOException {
        String source = plainCompilation
                .generatedSourceFile("com.acme.SwitchboardFactory")
                .orElseThrow()
                .getCharContent(true)
                .toString();

        // @Generated (SOURCE retention) names the processor, as every generated source should.
        String withoutGenerated = source.replaceFirst("(?s)@Generated\\([^)]*\\)", "");

        assertThat(source).contains("\"dev.telltale.processor.InstrumentedProcessor\"");
        assertThat(withoutGenerated).doesNotContainIgnoringCase("telltale");
        assertThat(source).doesNotContain("Capture", "TelltaleSession", "_Events");
    }

    @Test
    void nonEventsBuild_factoryClassFile_refersToNothingOfTelltale() throws IOException {
        JavaFileObject factory = plainCompilation
                .generatedFile(StandardLocation.CLASS_OUTPUT, "com.acme", "SwitchboardFactory.class")
                .orElseThrow();
        String bytes;
        try (InputStream in = factory.openInputStream()) {
            bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }

        assertThat(bytes).contains("com/acme/Switchboard").doesNotContainIgnoringCase("telltale");
    }
}
