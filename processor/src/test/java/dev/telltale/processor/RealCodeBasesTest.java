package dev.telltale.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.telltale.processor.Harness.assertSucceeded;
import static dev.telltale.processor.Harness.call;
import static dev.telltale.processor.Harness.create;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.auto.value.processor.AutoValueProcessor;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Code that real projects contain: classes of the executor's package named like java.lang's, an enum
 * that is also a CharSequence, commands declared on interfaces and abstract bases, framework
 * annotations on commands, and other processors (AutoValue, Dagger) in the same compilation. Each
 * compiles in both builds without a warning and records what the rule in docs/instrumenting.md says.
 */
class RealCodeBasesTest {

    @RegisterExtension
    final Harness harness = new Harness();

    private static JavaFileObject source(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /** Classes of the package named like the java.lang types generated code uses. */
    private static final List<JavaFileObject> CLASHING = List.of(
            source(
                    "com.acme.System",
                    "package com.acme;",
                    "public class System { public static long nanoTime() { return 0; } }"),
            source("com.acme.String", "package com.acme;", "public class String { }"),
            source("com.acme.Override", "package com.acme;", "public class Override { }"),
            source("com.acme.Throwable", "package com.acme;", "public class Throwable { }"),
            source("com.acme.RuntimeException", "package com.acme;", "public class RuntimeException { }"),
            source("com.acme.SuppressWarnings", "package com.acme;", "public class SuppressWarnings { }"),
            source("com.acme.Enum", "package com.acme;", "public class Enum { }"),
            source(
                    "com.acme.Clashing",
                    "package com.acme;",
                    "import dev.telltale.api.Command;",
                    "import dev.telltale.api.Instrumented;",
                    "import dev.telltale.api.Verb;",
                    "@Instrumented",
                    "public class Clashing {",
                    "    public Clashing(java.lang.String name) { }",
                    "    @Command",
                    "    public java.lang.String run(@Verb java.lang.String line) { return line; }",
                    "    @Command(verb = \"fails\")",
                    "    public void fails() throws java.io.IOException { throw new java.io.IOException(\"no\"); }",
                    "}"));

    @Test
    void classesOfThePackageNamedLikeJavaLang_compileInBothBuildsAndRecord() throws Throwable {
        JavaFileObject[] sources = CLASHING.toArray(JavaFileObject[]::new);
        Harness.compile(false, sources);
        ClassLoader loader = Harness.compile(true, sources);

        Object executor = create(loader, "com.acme.ClashingFactory", "x");
        assertThat(call(executor, "run", "cbu.create")).isEqualTo("cbu.create");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "cbu.create", null));
    }

    private static final JavaFileObject TEXT_ENUM = source(
            "com.acme.Verbs",
            "package com.acme;",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "import dev.telltale.api.Verb;",
            "@Instrumented",
            "public class Verbs {",
            "    public enum Op implements CharSequence {",
            "        CREATE;",
            "        @Override public int length() { return toString().length(); }",
            "        @Override public char charAt(int i) { return toString().charAt(i); }",
            "        @Override public CharSequence subSequence(int a, int b) { return toString().subSequence(a, b); }",
            "        @Override public String toString() { return \"op.create\"; }",
            "    }",
            "    public static final class Request {",
            "        public Op op() { return Op.CREATE; }",
            "    }",
            "    @Command",
            "    public String direct(@Verb Op op) { return \"direct\"; }",
            "    @Command",
            "    public String viaAccessor(@Verb(\"op\") Request request) { return \"accessor\"; }",
            "}");

    @Test
    void anEnumThatIsACharSequence_isRecordedByItsName_argumentOrAccessor() throws Throwable {
        Harness.compile(false, TEXT_ENUM);
        ClassLoader loader = Harness.compile(true, TEXT_ENUM);
        Object executor = create(loader, "com.acme.VerbsFactory");
        Class<?> op = Harness.load(loader, "com.acme.Verbs$Op");
        Object request =
                Harness.load(loader, "com.acme.Verbs$Request").getConstructor().newInstance();

        Harness.callDeclared(executor, "direct", new Class<?>[] {op}, op.getEnumConstants()[0]);
        call(executor, "viaAccessor", request);

        assertThat(harness.events())
                .satisfiesExactly(
                        event -> assertSucceeded(event, "CREATE", null),
                        event -> assertSucceeded(event, "CREATE", null));
    }

    private static final JavaFileObject COMMANDS = source(
            "com.acme.Commands",
            "package com.acme;",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Verb;",
            "public interface Commands {",
            "    @Command(verb = \"greet\")",
            "    default String hello(String who) { return \"hello \" + who; }",
            "    @Command",
            "    String run(@Verb String line);",
            "}");

    private static final JavaFileObject BASE = source(
            "com.acme.Base",
            "package com.acme;",
            "import dev.telltale.api.Command;",
            "public abstract class Base implements Commands {",
            "    @Command(verb = \"base.stop\")",
            "    public abstract String stop();",
            "}");

    private static final JavaFileObject IMPLEMENTATION = source(
            "com.acme.Implementation",
            "package com.acme;",
            "import dev.telltale.api.Instrumented;",
            "@Instrumented",
            "public class Implementation extends Base {",
            "    @Override public String run(String line) { return \"ran \" + line; }",
            "    @Override public String stop() { return \"stopped\"; }",
            "}");

    @Test
    void commandsDeclaredOnInterfacesAndAbstractBases_areInheritedWithTheirVerbsAndMarkers() throws Throwable {
        Harness.compile(false, COMMANDS, BASE, IMPLEMENTATION);
        ClassLoader loader = Harness.compile(true, COMMANDS, BASE, IMPLEMENTATION);
        Object executor = create(loader, "com.acme.ImplementationFactory");

        assertThat(call(executor, "hello", "bob")).isEqualTo("hello bob");
        assertThat(call(executor, "run", "cbu.get")).isEqualTo("ran cbu.get");
        assertThat(call(executor, "stop")).isEqualTo("stopped");

        assertThat(harness.events())
                .satisfiesExactly(
                        event -> assertSucceeded(event, "greet", null),
                        event -> assertSucceeded(event, "cbu.get", null),
                        event -> assertSucceeded(event, "base.stop", null));
    }

    @Test
    void interfacesThatNameDifferentVerbs_andCommandsTheClassCannotInherit_areCompileErrors() {
        JavaFileObject left = source(
                "com.acme.Left",
                "package com.acme;",
                "import dev.telltale.api.Command;",
                "public interface Left { @Command(verb = \"left\") String go(); }");
        JavaFileObject right = source(
                "com.acme.Right",
                "package com.acme;",
                "import dev.telltale.api.Command;",
                "public interface Right { @Command(verb = \"right\") String go();",
                "    @Command static String helper() { return \"\"; } }");
        JavaFileObject both = source(
                "com.acme.Both",
                "package com.acme;",
                "import dev.telltale.api.Instrumented;",
                "@Instrumented",
                "public class Both implements Left, Right {",
                "    @java.lang.Override public String go() { return \"went\"; }",
                "}");
        Compilation compilation = Compiler.compile(true, left, right, both);

        assertThat(compilation).failed();
        assertThat(compilation)
                .hadErrorContaining("[TT019] Both.go() inherits @Command from Left.go(), Right.go(),"
                        + " which name different verbs (\"left\", \"right\")")
                .inFile(both)
                .onLineContaining("public String go()");
        assertThat(compilation)
                .hadErrorContaining("[TT009] @Command method Right.helper() is static")
                .inFile(right)
                .onLineContaining("static String helper()");
        assertThat(compilation).hadErrorCount(2);
    }

    private static final JavaFileObject AUDIT = source(
            "com.acme.Audit",
            "package com.acme;",
            "import java.lang.annotation.*;",
            "@Retention(RetentionPolicy.RUNTIME) @Target({ElementType.METHOD, ElementType.PARAMETER})",
            "public @interface Audit { String value(); }");
    private static final JavaFileObject NOT_BLANK = source(
            "com.acme.NotBlank",
            "package com.acme;",
            "import java.lang.annotation.*;",
            "@Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE_USE)",
            "public @interface NotBlank { }");
    private static final JavaFileObject COMPILE_ONLY = source(
            "com.acme.CompileOnly",
            "package com.acme;",
            "import java.lang.annotation.*;",
            "@Retention(RetentionPolicy.CLASS) @Target(ElementType.METHOD)",
            "public @interface CompileOnly { }");
    private static final JavaFileObject ANNOTATED = source(
            "com.acme.Annotated",
            "package com.acme;",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "@Instrumented",
            "public class Annotated {",
            "    @Command @Audit(\"create\") @CompileOnly @Deprecated",
            "    public @NotBlank String create(@Audit(\"name\") @NotBlank String name, int size) { return name; }",
            "}");

    @Test
    void runtimeAnnotationsOfCommandsAndTheirParameters_areOnTheOverrideToo() throws Throwable {
        JavaFileObject[] sources = {AUDIT, NOT_BLANK, COMPILE_ONLY, ANNOTATED};
        Compilation compilation = javac().withProcessors(new InstrumentedProcessor())
                .withOptions("-Atelltale.events=true", "-Xlint:all,-deprecation,-processing", "-Werror")
                .compile(sources);
        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader loader = Compiler.load(compilation);
        Method plain = Harness.load(loader, "com.acme.Annotated").getMethod("create", String.class, int.class);
        Method generated = create(loader, "com.acme.AnnotatedFactory")
                .getClass()
                .getDeclaredMethod("create", String.class, int.class);

        assertThat(names(generated.getAnnotations()))
                .containsExactlyInAnyOrderElementsOf(names(plain.getAnnotations()))
                .contains("Audit", "Deprecated");
        assertThat(Arrays.stream(generated.getParameterAnnotations())
                        .map(RealCodeBasesTest::names)
                        .toList())
                .isEqualTo(Arrays.stream(plain.getParameterAnnotations())
                        .map(RealCodeBasesTest::names)
                        .toList())
                .isEqualTo(List.of(List.of("Audit"), List.of()));
        assertThat(typeUse(generated.getAnnotatedReturnType()))
                .isEqualTo(typeUse(plain.getAnnotatedReturnType()))
                .containsExactly("NotBlank");
        assertThat(typeUse(generated.getAnnotatedParameterTypes()[0])).containsExactly("NotBlank");
    }

    private static List<String> names(Annotation[] annotations) {
        return Arrays.stream(annotations)
                .map(annotation -> annotation.annotationType().getSimpleName())
                .toList();
    }

    private static List<String> typeUse(AnnotatedType type) {
        return names(type.getAnnotations());
    }

    private static final JavaFileObject COMMAND_VALUE = source(
            "com.acme.Cmd",
            "package com.acme;",
            "import com.google.auto.value.AutoValue;",
            "@AutoValue",
            "public abstract class Cmd {",
            "    public abstract String verb();",
            "    public static AutoValue_Cmd of(String verb) { return new AutoValue_Cmd(verb); }",
            "}");
    private static final JavaFileObject USES_GENERATED = source(
            "com.acme.Runner",
            "package com.acme;",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "import dev.telltale.api.Verb;",
            "import javax.inject.Inject;",
            "@Instrumented",
            "public class Runner {",
            "    @Inject public Runner() { }",
            "    @Command",
            "    public String run(@Verb(\"verb\") AutoValue_Cmd cmd) { return \"ran \" + cmd.verb(); }",
            "}");
    private static final JavaFileObject COMPONENT = source(
            "com.acme.App",
            "package com.acme;",
            "import dagger.Component;",
            "import dagger.Module;",
            "import dagger.Provides;",
            "public final class App {",
            "    @Module static final class Wiring {",
            "        @Provides static Runner runner() { return RunnerFactory.create(); }",
            "    }",
            "    @Component(modules = Wiring.class) interface Graph { Runner runner(); }",
            "}");

    @Test
    void aCommandNamingATypeAnotherProcessorGenerates_waitsForIt_withAutoValueAndDaggerInTheSameCompilation()
            throws Throwable {
        for (boolean events : new boolean[] {false, true}) {
            Compilation compilation = javac().withProcessors(
                            new InstrumentedProcessor(),
                            new AutoValueProcessor(),
                            new dagger.internal.codegen.ComponentProcessor())
                    .withOptions("-Atelltale.events=" + events)
                    .compile(COMMAND_VALUE, USES_GENERATED, COMPONENT);
            assertThat(compilation).succeeded();
            if (events) {
                ClassLoader loader = Compiler.load(compilation);
                Method create = Harness.load(loader, "com.acme.DaggerApp_Graph").getDeclaredMethod("create");
                create.setAccessible(true);
                Object graph = create.invoke(null);
                Method runnerMethod = graph.getClass().getDeclaredMethod("runner");
                runnerMethod.setAccessible(true);
                Object runner = runnerMethod.invoke(graph);
                Object command = Harness.load(loader, "com.acme.Cmd")
                        .getMethod("of", String.class)
                        .invoke(null, "cbu.list");
                assertThat(call(runner, "run", command)).isEqualTo("ran cbu.list");
                assertThat(runner.getClass().getSimpleName()).isEqualTo("Runner_Events");
                assertThat(harness.events())
                        .singleElement()
                        .satisfies(event -> assertSucceeded(event, "cbu.list", null));
            }
        }
    }

    private static final JavaFileObject GREETER = source(
            "com.acme.Greeter",
            "package com.acme;",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "@Instrumented",
            "public class Greeter {",
            "    private final String greeting;",
            "    public Greeter(String greeting) { this.greeting = greeting; }",
            "    @Command public String greet(String who) { return greeting + \" \" + who; }",
            "}");
    private static final JavaFileObject SPRING = source(
            "com.acme.SpringWiring",
            "package com.acme;",
            "import org.springframework.context.annotation.Bean;",
            "import org.springframework.context.annotation.Configuration;",
            "@Configuration(proxyBeanMethods = false)",
            "public class SpringWiring {",
            "    @Bean public Greeter greeter() { return GreeterFactory.create(\"hello\"); }",
            "}");
    private static final JavaFileObject GUICE = source(
            "com.acme.GuiceWiring",
            "package com.acme;",
            "import com.google.inject.AbstractModule;",
            "import com.google.inject.Provides;",
            "public class GuiceWiring extends AbstractModule {",
            "    @Provides Greeter greeter() { return GreeterFactory.create(\"hi\"); }",
            "}");

    @Test
    void springAndGuice_injectTheRecordingExecutor_throughTheFactory() throws Throwable {
        Compilation compilation = javac().withProcessors(new InstrumentedProcessor())
                .withOptions("-Atelltale.events=true")
                .compile(GREETER, SPRING, GUICE);
        assertThat(compilation).succeeded();
        ClassLoader loader = Compiler.load(compilation);
        Class<?> greeter = Harness.load(loader, "com.acme.Greeter");

        Object fromSpring;
        try (var spring = new org.springframework.context.annotation.AnnotationConfigApplicationContext()) {
            spring.setClassLoader(loader);
            spring.register(Harness.load(loader, "com.acme.SpringWiring"));
            spring.refresh();
            fromSpring = spring.getBean(greeter);
            assertThat(call(fromSpring, "greet", "spring")).isEqualTo("hello spring");
        }
        Object fromGuice = com.google.inject.Guice.createInjector(
                        (com.google.inject.Module) Harness.load(loader, "com.acme.GuiceWiring")
                                .getConstructor()
                                .newInstance())
                .getInstance(greeter);
        assertThat(call(fromGuice, "greet", "guice")).isEqualTo("hi guice");

        assertThat(List.of(
                        fromSpring.getClass().getSimpleName(),
                        fromGuice.getClass().getSimpleName()))
                .containsOnly("Greeter_Events");
        assertThat(harness.events())
                .satisfiesExactly(
                        event -> assertSucceeded(event, "greet", null), event -> assertSucceeded(event, "greet", null));
    }
}
