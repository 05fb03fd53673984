package dev.telltale.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test per {@link Problem}: the compilation fails with the problem's id, on the file and line
 * of the element at fault (the class, the method or the parameter), and with no other error.
 */
class DiagnosticsTest {

    /** A source in {@code qualifiedName}'s package that imports Telltale's annotations and UUID. */
    private static JavaFileObject source(String qualifiedName, String... body) {
        List<String> lines = new ArrayList<>();
        int dot = qualifiedName.lastIndexOf('.');
        if (dot > 0) {
            lines.add("package " + qualifiedName.substring(0, dot) + ";");
        }
        lines.add("import dev.telltale.api.*;");
        lines.add("import java.util.UUID;");
        lines.addAll(List.of(body));
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /**
     * Asserts the only error is {@code message}, on the line of {@code source} containing {@code line},
     * at the column where {@code at} starts on it: the annotation or annotation value at fault.
     */
    private static void assertOnlyErrorAt(
            Compilation compilation, String message, JavaFileObject source, String line, String at)
            throws java.io.IOException {
        List<String> lines = source.getCharContent(true).toString().lines().toList();
        int number = 0;
        while (!lines.get(number).contains(line)) {
            number++;
        }
        assertThat(compilation).failed();
        assertThat(compilation)
                .hadErrorContaining(message)
                .inFile(source)
                .onLine(number + 1)
                .atColumn(lines.get(number).indexOf(at) + 1);
        assertThat(compilation).hadErrorCount(1);
    }

    /** Asserts the only error is {@code message} (which starts with the id), on the line of {@code source} containing {@code line}. */
    private static void assertOnlyError(Compilation compilation, String message, JavaFileObject source, String line) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void badOption_reportedOnceWithoutElement() {
        JavaFileObject runner = source(
                "com.acme.Runner", "@Instrumented", "public class Runner {", "    @Command public void run() {}", "}");

        Compilation compilation = javac().withProcessors(new InstrumentedProcessor())
                .withOptions("-Atelltale.events=maybe")
                .compile(runner);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[TT000] -Atelltale.events must be true or false, got 'maybe'");
        assertThat(compilation).hadErrorCount(1);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "public interface Runner {       | an interface",
                "public enum Runner {            | an enum",
                "public record Runner(String n) { | a record",
                "public @interface Runner {      | an annotation type",
            })
    void notAClass_onInterfaceEnumRecordOrAnnotation(String declaration, String kind) {
        JavaFileObject runner = source("com.acme.Runner", "@Instrumented", declaration, "}");

        assertOnlyError(
                Compiler.compile(true, runner),
                "[TT001] @Instrumented goes on a class, but com.acme.Runner is " + kind,
                runner,
                declaration);
    }

    @Test
    void finalClass() {
        JavaFileObject runner = source(
                "com.acme.Runner",
                "@Instrumented",
                "public final class Runner {",
                "    @Command public void run() {}",
                "}");

        assertOnlyError(
                Compiler.compile(true, runner),
                "[TT002] @Instrumented class Runner is final",
                runner,
                "public final class Runner");
    }

    @Test
    void privateNestedClass() {
        JavaFileObject outer = source(
                "com.acme.Outer",
                "public class Outer {",
                "    @Instrumented",
                "    private static class Runner {",
                "        Runner() {}",
                "        @Command public void run() {}",
                "    }",
                "}");

        assertOnlyError(
                Compiler.compile(true, outer),
                "[TT003] @Instrumented class Runner is private",
                outer,
                "private static class Runner");
    }

    @Test
    void innerClass() {
        JavaFileObject outer = source(
                "com.acme.Outer",
                "public class Outer {",
                "    @Instrumented",
                "    public class Runner {",
                "        @Command public void run() {}",
                "    }",
                "}");

        assertOnlyError(
                Compiler.compile(true, outer),
                "[TT004] @Instrumented class Runner is an inner class",
                outer,
                "public class Runner");
    }

    @Test
    void abstractClass() {
        JavaFileObject runner = source(
                "com.acme.Runner",
                "@Instrumented",
                "public abstract class Runner {",
                "    @Command public void run() {}",
                "}");

        assertOnlyError(
                Compiler.compile(true, runner),
                "[TT005] @Instrumented class Runner is abstract",
                runner,
                "public abstract class Runner");
    }

    @Test
    void noAccessibleConstructor() {
        JavaFileObject runner = source(
                "com.acme.Runner",
                "@Instrumented",
                "public class Runner {",
                "    private Runner() {}",
                "    @Command public void run() {}",
                "}");

        assertOnlyError(
                Compiler.compile(true, runner),
                "[TT006] @Instrumented class Runner has no constructor",
                runner,
                "public class Runner");
    }

    @Test
    void noCommandMethods() {
        JavaFileObject runner =
                source("com.acme.Runner", "@Instrumented", "public class Runner {", "    public void run() {}", "}");

        assertOnlyError(
                Compiler.compile(true, runner),
                "[TT007] @Instrumented class Runner has no @Command method",
                runner,
                "public class Runner");
    }

    @Test
    void finalCommandMethod() {
        JavaFileObject runner = source(
                "com.acme.Runner",
                "@Instrumented",
                "public class Runner {",
                "    @Command",
                "    public final void run() {}",
                "}");

        assertOnlyError(
                Compiler.compile(true, runner),
                "[TT008] @Command method Runner.run() is final",
                runner,
                "public final void run()");
    }

    @Test
    void staticCommandMethod() {
        JavaFileObject runner = source(
                "com.acme.Runner",
                "@Instrumented",
                "public class Runner {",
                "    @Command",
                "    public static void run() {}",
                "}");

        assertOnlyError(
                Compiler.compile(true, runner),
                "[TT009] @Command method Runner.run() is static",
                runner,
                "public static void run()");
    }

    @Test
    void privateCommandMethod() {
        JavaFileObject runner = source(
                "com.acme.Runner",
                "@Instrumented",
                "public class Runner {",
                "    @Command",
                "    private void run() {}",
                "}");

        assertOnlyError(
                Compiler.compile(true, runner),
                "[TT010] @Command method Runner.run() is private",
                runner,
                "private void run()");
    }

    @Test
    void packagePrivateCommandMethod_inSuperclassOfAnotherPackage() {
        JavaFileObject base =
                source("com.acme.base.Base", "public class Base {", "    @Command", "    void ping() {}", "}");
        JavaFileObject runner =
                source("com.acme.Runner", "@Instrumented", "public class Runner extends com.acme.base.Base {", "}");

        assertOnlyError(
                Compiler.compile(true, base, runner),
                "[TT011] @Command method Base.ping() is package-private in another package, so Runner_Events cannot override it",
                base,
                "void ping()");
    }

    @Test
    void blankCommandVerb() throws java.io.IOException {
        JavaFileObject runner = source(
                "com.acme.Runner",
                "@Instrumented",
                "public class Runner {",
                "    @Command(verb = \"  \")",
                "    public void run() {}",
                "}");

        assertOnlyErrorAt(
                Compiler.compile(true, runner),
                "[TT012] @Command(verb = \"  \") is blank",
                runner,
                "@Command(verb",
                "\"  \"");
    }

    @Test
    void verbOnIntParameter() throws java.io.IOException {
        JavaFileObject runner = source(
                "com.acme.Runner",
                "@Instrumented",
                "public class Runner {",
                "    @Command",
                "    public void run(String line,",
                "            @Verb int code) {}",
                "}");

        assertOnlyErrorAt(
                Compiler.compile(true, runner),
                "[TT013] @Verb parameter code has type int",
                runner,
                "@Verb int code",
                "@Verb");
    }

    @Test
    void verbAccessorMissing() throws java.io.IOException {
        JavaFileObject runner = source(
                "com.acme.Runner",
                "@Instrumented",
                "public class Runner {",
                "    @Command",
                "    public void run(String line,",
                "            @Verb(\"nope\") Object request) {}",
                "}");

        assertOnlyErrorAt(
                Compiler.compile(true, runner),
                "[TT014] @Verb(\"nope\") on parameter request: java.lang.Object has no public no-argument method nope()",
                runner,
                "@Verb(\"nope\") Object request",
                "\"nope\"");
    }

    @Test
    void sessionIdOnString() throws java.io.IOException {
        JavaFileObject runner = source(
                "com.acme.Runner",
                "@Instrumented",
                "public class Runner {",
                "    @Command",
                "    public void run(String line,",
                "            @SessionId String session) {}",
                "}");

        assertOnlyErrorAt(
                Compiler.compile(true, runner),
                "[TT015] @SessionId parameter session has type java.lang.String",
                runner,
                "@SessionId String session",
                "@SessionId");
    }

    @Test
    void sessionIdAccessorMissing() throws java.io.IOException {
        JavaFileObject runner = source(
                "com.acme.Runner",
                "@Instrumented",
                "public class Runner {",
                "    @Command",
                "    public void run(String line,",
                "            @SessionId(\"nope\") UUID session) {}",
                "}");

        assertOnlyErrorAt(
                Compiler.compile(true, runner),
                "[TT016] @SessionId(\"nope\") on parameter session: java.util.UUID has no public no-argument method nope()",
                runner,
                "@SessionId(\"nope\") UUID session",
                "\"nope\"");
    }

    @Test
    void twoVerbParameters() {
        JavaFileObject runner = source(
                "com.acme.Runner",
                "@Instrumented",
                "public class Runner {",
                "    @Command",
                "    public void run(@Verb String first,",
                "            @Verb String second) {}",
                "}");

        assertOnlyError(
                Compiler.compile(true, runner),
                "[TT017] @Command method Runner.run() has more than one @Verb parameter",
                runner,
                "public void run(");
    }

    @Test
    void twoSessionIdParameters() {
        JavaFileObject runner = source(
                "com.acme.Runner",
                "@Instrumented",
                "public class Runner {",
                "    @Command",
                "    public void run(@SessionId UUID first,",
                "            @SessionId UUID second) {}",
                "}");

        assertOnlyError(
                Compiler.compile(true, runner),
                "[TT018] @Command method Runner.run() has more than one @SessionId parameter",
                runner,
                "public void run(");
    }

    /** Two executors whose generated names collide: the Filer refuses the second file, and the processor says so. */
    @Test
    void processorFailure_reportedAsErrorWithStackTrace_notACrash() {
        JavaFileObject topLevel = source(
                "com.acme.Outer_Inner",
                "@Instrumented",
                "public class Outer_Inner {",
                "    @Command public void run() {}",
                "}");
        JavaFileObject nested = source(
                "com.acme.Outer",
                "public class Outer {",
                "    @Instrumented",
                "    public static class Inner {",
                "        @Command public void run() {}",
                "    }",
                "}");

        Compilation compilation = Compiler.compile(true, topLevel, nested);

        assertOnlyError(
                compilation,
                "[TT099] the Telltale processor failed on com.acme.Outer.Inner",
                nested,
                "public static class Inner");
        assertThat(compilation).hadErrorContaining("cannot write com.acme.Outer_InnerFactory");
        assertThat(compilation).hadErrorContaining("\tat dev.telltale.processor.InstrumentedProcessor");
        assertThat(compilation).hadErrorContaining("Caused by: ");
    }
}
