package dev.telltale.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated text, formatting and comments included, against checked-in files
 * ({@code src/test/resources/golden}) for every shape the README and docs/instrumenting.md show: a constant verb, the
 * method's name, a {@code @Verb} argument (whose name clashes with the local the override needs), a
 * {@code @Verb("accessor")} (the README's own example), an enum, a {@code @SessionId} argument and
 * accessor, a {@code CompletionStage} with an accessor verb, {@code void}, varargs, and a command
 * inherited from an interface's default method. After a deliberate change of the generated code,
 * rerun with {@code -Dgolden.update=true} to rewrite the files, and review their diff.
 */
class GoldenFilesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static final JavaFileObject COMMANDS = JavaFileObjects.forSourceLines(
            "com.acme.Lifecycle",
            "package com.acme;",
            "",
            "import dev.telltale.api.Command;",
            "",
            "public interface Lifecycle {",
            "    @Command(verb = \"shape.ping\")",
            "    default String ping() {",
            "        return \"pong\";",
            "    }",
            "}");

    private static final JavaFileObject SHAPES = JavaFileObjects.forSourceLines(
            "com.acme.Shapes",
            "package com.acme;",
            "",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "import dev.telltale.api.SessionId;",
            "import dev.telltale.api.Verb;",
            "import java.io.IOException;",
            "import java.util.UUID;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.CompletionStage;",
            "",
            "@Instrumented",
            "public class Shapes implements Lifecycle {",
            "    public enum Kind { CREATE, DELETE }",
            "",
            "    public record Request(String verb, UUID session) {",
            "    }",
            "",
            "    public Shapes() {",
            "    }",
            "",
            "    public Shapes(String name) throws IOException {",
            "    }",
            "",
            "    @Command(verb = \"shape.constant\")",
            "    public String constant(String line) throws IOException {",
            "        return line;",
            "    }",
            "",
            "    @Command",
            "    public void named() {",
            "    }",
            "",
            "    @Command",
            "    public String argument(@Verb String verb, int... counts) {",
            "        return verb;",
            "    }",
            "",
            "    @Command",
            "    public String accessor(@Verb(\"verb\") Request command) {",
            "        return command.verb();",
            "    }",
            "",
            "    @Command",
            "    public Kind kind(@Verb Kind kind, @SessionId UUID session) {",
            "        return kind;",
            "    }",
            "",
            "    @Command",
            "    public CompletionStage<String> later(@Verb(\"verb\") @SessionId(\"session\") Request request) {",
            "        return CompletableFuture.completedFuture(request.verb());",
            "    }",
            "}");

    @ParameterizedTest
    @CsvSource({
        "true,  com.acme.Shapes_Events, Shapes_Events.java",
        "true,  com.acme.ShapesFactory, ShapesFactory.events.java",
        "false, com.acme.ShapesFactory, ShapesFactory.plain.java",
    })
    void generatedText_isTheCheckedInFile(boolean events, String generated, String file) throws IOException {
        Compilation compilation = Compiler.compile(events, COMMANDS, SHAPES);
        assertThat(compilation).succeededWithoutWarnings();
        String text = compilation
                .generatedSourceFile(generated)
                .orElseThrow()
                .getCharContent(true)
                .toString();

        Path golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        }
        assertThat(text)
                .as(
                        "generated %s against %s (rerun with -Dgolden.update=true after a deliberate change)",
                        generated, golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
