package dev.telltale.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The generated sources, pinned whole: they are meant to be read. */
class GoldenSourceTest {

    private static final JavaFileObject EXECUTOR = JavaFileObjects.forSourceLines(
            "com.acme.DslExecutor",
            "package com.acme;",
            "",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "import dev.telltale.api.Verb;",
            "import java.io.IOException;",
            "",
            "@Instrumented",
            "public class DslExecutor {",
            "    public DslExecutor(String name) throws IOException {",
            "    }",
            "",
            "    DslExecutor() {",
            "    }",
            "",
            "    @Command(verb = \"dsl.run\")",
            "    public String run(String line) throws IOException {",
            "        return line;",
            "    }",
            "",
            "    @Command",
            "    protected void execute(@Verb String verb, int... args) {",
            "    }",
            "}");

    @Test
    void factory_withoutEvents_createsThePlainClass() {
        Compilation compilation = Compiler.compile(false, EXECUTOR);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .generatedSourceFile("com.acme.DslExecutorFactory")
                .hasSourceEquivalentTo(JavaFileObjects.forSourceLines(
                        "com.acme.DslExecutorFactory",
                        "package com.acme;",
                        "",
                        "import java.io.IOException;",
                        "import javax.annotation.processing.Generated;",
                        "",
                        "@Generated(value = \"dev.telltale.processor.InstrumentedProcessor\", comments = \"from @Instrumented com.acme.DslExecutor\")",
                        "public final class DslExecutorFactory {",
                        "    private DslExecutorFactory() {",
                        "    }",
                        "",
                        "    public static DslExecutor create(String name) throws IOException {",
                        "        return new DslExecutor(name);",
                        "    }",
                        "",
                        "    static DslExecutor create() {",
                        "        return new DslExecutor();",
                        "    }",
                        "}"));
    }

    @Test
    void subclass_withEvents_recordsEachCommand() {
        Compilation compilation = Compiler.compile(true, EXECUTOR);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .generatedSourceFile("com.acme.DslExecutor_Events")
                .hasSourceEquivalentTo(JavaFileObjects.forSourceLines(
                        "com.acme.DslExecutor_Events",
                        "package com.acme;",
                        "",
                        "import dev.telltale.api.Capture;",
                        "import dev.telltale.api.TelltaleSession;",
                        "import java.io.IOException;",
                        "import javax.annotation.processing.Generated;",
                        "",
                        "@Generated(value = \"dev.telltale.processor.InstrumentedProcessor\", comments = \"from @Instrumented com.acme.DslExecutor\")",
                        "final class DslExecutor_Events extends DslExecutor {",
                        "    private static final String VERB_RUN = \"dsl.run\";",
                        "",
                        "    DslExecutor_Events(String name) throws IOException {",
                        "        super(name);",
                        "    }",
                        "",
                        "    DslExecutor_Events() {",
                        "        super();",
                        "    }",
                        "",
                        "    @Override",
                        "    public String run(String line) throws IOException {",
                        "        if (!Capture.isEnabled()) {",
                        "            return super.run(line);",
                        "        }",
                        "        TelltaleSession session = Capture.currentSession();",
                        "        long start = System.nanoTime();",
                        "        String result;",
                        "        try {",
                        "            result = super.run(line);",
                        "        } catch (Throwable failure) {",
                        "            Capture.failed(VERB_RUN, session, start, failure);",
                        "            throw failure;",
                        "        }",
                        "        Capture.succeeded(VERB_RUN, session, start);",
                        "        return result;",
                        "    }",
                        "",
                        "    @Override",
                        "    protected void execute(String verb, int... args) {",
                        "        if (!Capture.isEnabled()) {",
                        "            super.execute(verb, args);",
                        "            return;",
                        "        }",
                        "        String verb_ = Capture.verb(verb);",
                        "        TelltaleSession session = Capture.currentSession();",
                        "        long start = System.nanoTime();",
                        "        try {",
                        "            super.execute(verb, args);",
                        "        } catch (Throwable failure) {",
                        "            Capture.failed(verb_, session, start, failure);",
                        "            throw failure;",
                        "        }",
                        "        Capture.succeeded(verb_, session, start);",
                        "    }",
                        "}"));
    }
}
