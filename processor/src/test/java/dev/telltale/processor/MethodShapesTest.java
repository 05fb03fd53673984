package dev.telltale.processor;

import static dev.telltale.processor.Harness.assertFailed;
import static dev.telltale.processor.Harness.assertSucceeded;
import static dev.telltale.processor.Harness.call;
import static dev.telltale.processor.Harness.callDeclared;
import static dev.telltale.processor.Harness.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.TypeVariable;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Methods of every shape, recorded by the generated subclass: each returns exactly what the
 * original returned and throws exactly what it threw.
 */
class MethodShapesTest {

    private static final JavaFileObject RANKING = JavaFileObjects.forSourceLines(
            "com.acme.Ranking",
            "package com.acme;",
            "",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "",
            "@Instrumented",
            "public class Ranking<T extends Comparable<? super T>> {",
            "    @Command",
            "    public T best(T first, T second) {",
            "        return first.compareTo(second) >= 0 ? first : second;",
            "    }",
            "}");

    private static final JavaFileObject TOOLBOX = JavaFileObjects.forSourceLines(
            "com.acme.Toolbox",
            "package com.acme;",
            "",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "import java.io.IOException;",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "",
            "@Instrumented",
            "public class Toolbox {",
            "    private final List<String> remembered = new ArrayList<>();",
            "",
            "    @Command",
            "    public <R extends CharSequence> R echo(R value) {",
            "        return value;",
            "    }",
            "",
            "    @Command",
            "    public String load(String path, IOException failure) throws IOException {",
            "        if (failure != null) {",
            "            throw failure;",
            "        }",
            "        return \"loaded \" + path;",
            "    }",
            "",
            "    @Command",
            "    public void crash(RuntimeException failure) {",
            "        throw failure;",
            "    }",
            "",
            "    @Command",
            "    public int count(String label, int... values) {",
            "        return values.length;",
            "    }",
            "",
            "    @SuppressWarnings(\"unchecked\")",
            "    @Command",
            "    public <T> List<T> of(T... items) {",
            "        return List.of(items);",
            "    }",
            "",
            "    @Command",
            "    public long sum(int a, long b) {",
            "        return a + b;",
            "    }",
            "",
            "    @Command",
            "    public boolean isBlank(String text) {",
            "        return text.isBlank();",
            "    }",
            "",
            "    @Command",
            "    public void remember(String item) {",
            "        remembered.add(item);",
            "    }",
            "",
            "    public List<String> remembered() {",
            "        return remembered;",
            "    }",
            "",
            "    @Command",
            "    public String m(String label, int value) {",
            "        return label + \" int \" + value;",
            "    }",
            "",
            "    @Command(verb = \"m.array\")",
            "    public String m(String label, int[] values) {",
            "        return label + \" array \" + values.length;",
            "    }",
            "",
            "    @Command",
            "    public String m(String label) {",
            "        return label + \" alone\";",
            "    }",
            "",
            "    @Command",
            "    protected String guarded(String text) {",
            "        return \"protected \" + text;",
            "    }",
            "",
            "    @Command",
            "    String local(String text) {",
            "        return \"package \" + text;",
            "    }",
            "",
            "    @Command",
            "    public <E extends Exception> void rethrow(E failure) throws E {",
            "        throw failure;",
            "    }",
            "",
            "    @Command",
            "    public String shadow(String VERB_SHADOW, String start, String failure, String result, String session) {",
            "        return String.join(\",\", VERB_SHADOW, start, failure, result, session);",
            "    }",
            "",
            "    @Command",
            "    public String obscure(String Capture, String System) {",
            "        return Capture + System;",
            "    }",
            "}");

    private static ClassLoader loader;

    @RegisterExtension
    final Harness harness = new Harness();

    @BeforeAll
    static void compile() {
        loader = Harness.compile(true, RANKING, TOOLBOX);
    }

    @Test
    void genericClass_withBoundedTypeParameter_recordsAndReturnsTheSameInstance() throws Throwable {
        Object ranking = create(loader, "com.acme.RankingFactory");
        String first = new String("apple");
        String second = new String("pear");

        Object best = call(ranking, "best", first, second);

        assertThat(best).isSameAs(second);
        assertThat(ranking.getClass().getName()).isEqualTo("com.acme.Ranking_Events");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "best", null));
    }

    @Test
    void genericClass_factoryAndSubclass_keepTheBound() throws Throwable {
        Method factory = Harness.createMethods(Harness.load(loader, "com.acme.RankingFactory"))
                .get(0);
        TypeVariable<?> subclassVariable =
                Harness.load(loader, "com.acme.Ranking_Events").getTypeParameters()[0];

        assertThat(factory.getTypeParameters()[0].getBounds()[0].getTypeName())
                .isEqualTo("java.lang.Comparable<? super T>");
        assertThat(factory.getGenericReturnType().getTypeName()).isEqualTo("com.acme.Ranking<T>");
        assertThat(subclassVariable.getBounds()[0].getTypeName()).isEqualTo("java.lang.Comparable<? super T>");
    }

    @Test
    void genericMethod_returnsTheSameInstance() throws Throwable {
        Object toolbox = create(loader, "com.acme.ToolboxFactory");
        StringBuilder value = new StringBuilder("mutable");

        assertThat(call(toolbox, "echo", value)).isSameAs(value);
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "echo", null));
    }

    @Test
    void checkedException_isRethrownUnchangedAndRecorded() throws Throwable {
        Object toolbox = create(loader, "com.acme.ToolboxFactory");
        IOException failure = new IOException("disk on fire");

        Throwable thrown = catchThrowable(() -> call(toolbox, "load", "/tmp/x", failure));

        assertThat(thrown).isSameAs(failure);
        assertThat(harness.events()).singleElement().satisfies(event -> assertFailed(event, "load", null, failure));
    }

    @Test
    void checkedExceptionMethod_whenItReturns_recordsSucceeded() throws Throwable {
        Object toolbox = create(loader, "com.acme.ToolboxFactory");

        assertThat(call(toolbox, "load", "/tmp/x", null)).isEqualTo("loaded /tmp/x");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "load", null));
    }

    @Test
    void uncheckedException_isRethrownUnchangedAndRecorded() throws Throwable {
        Object toolbox = create(loader, "com.acme.ToolboxFactory");
        IllegalStateException failure = new IllegalStateException("no");

        Throwable thrown = catchThrowable(() -> call(toolbox, "crash", failure));

        assertThat(thrown).isSameAs(failure);
        assertThat(harness.events()).singleElement().satisfies(event -> assertFailed(event, "crash", null, failure));
    }

    @Test
    void varargs_primitiveArray_passesEveryValue() throws Throwable {
        Object toolbox = create(loader, "com.acme.ToolboxFactory");

        assertThat(call(toolbox, "count", "label", new int[] {1, 2, 3})).isEqualTo(3);
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "count", null));
    }

    @Test
    void varargs_generic_passesTheItems() throws Throwable {
        Object toolbox = create(loader, "com.acme.ToolboxFactory");
        Method of = toolbox.getClass().getDeclaredMethod("of", Object[].class);

        Object list = call(toolbox, "of", new Object[] {new Object[] {"a", "b"}});

        assertThat(list).isEqualTo(List.of("a", "b"));
        assertThat(of.isVarArgs()).as("the override stays varargs").isTrue();
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "of", null));
    }

    @Test
    void primitiveReturn_isReturnedAndRecorded() throws Throwable {
        Object toolbox = create(loader, "com.acme.ToolboxFactory");

        assertThat(call(toolbox, "sum", 2, 40L)).isEqualTo(42L);
        assertThat(call(toolbox, "isBlank", "  ")).isEqualTo(true);
        assertThat(harness.events())
                .satisfiesExactly(
                        event -> assertSucceeded(event, "sum", null), event -> assertSucceeded(event, "isBlank", null));
    }

    @Test
    void voidReturn_runsTheOriginalAndIsRecorded() throws Throwable {
        Object toolbox = create(loader, "com.acme.ToolboxFactory");

        assertThat(call(toolbox, "remember", "milk")).isNull();
        assertThat(call(toolbox, "remembered")).isEqualTo(List.of("milk"));
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "remember", null));
    }

    @Test
    void overloads_intBesideIntArray_recordsEachWithItsOwnVerb() throws Throwable {
        Object toolbox = create(loader, "com.acme.ToolboxFactory");

        Object single = callDeclared(toolbox, "m", new Class<?>[] {String.class, int.class}, "x", 7);
        Object array = callDeclared(toolbox, "m", new Class<?>[] {String.class, int[].class}, "y", new int[] {1, 2});
        Object alone = callDeclared(toolbox, "m", new Class<?>[] {String.class}, "z");

        assertThat(single).isEqualTo("x int 7");
        assertThat(array).isEqualTo("y array 2");
        assertThat(alone).isEqualTo("z alone");
        assertThat(harness.events())
                .satisfiesExactly(
                        event -> assertSucceeded(event, "m", null),
                        event -> assertSucceeded(event, "m.array", null),
                        event -> assertSucceeded(event, "m", null));
    }

    @Test
    void protectedAndPackagePrivateMethods_areRecorded() throws Throwable {
        Object toolbox = create(loader, "com.acme.ToolboxFactory");

        assertThat(call(toolbox, "guarded", "a")).isEqualTo("protected a");
        assertThat(call(toolbox, "local", "b")).isEqualTo("package b");
        assertThat(harness.events())
                .satisfiesExactly(
                        event -> assertSucceeded(event, "guarded", null),
                        event -> assertSucceeded(event, "local", null));
    }

    @Test
    void checkedException_ofTypeVariable_isRethrownUnchanged() throws Throwable {
        Object toolbox = create(loader, "com.acme.ToolboxFactory");
        Exception failure = new java.util.concurrent.TimeoutException("late");

        assertThat(catchThrowable(() -> call(toolbox, "rethrow", failure))).isSameAs(failure);
        assertThat(harness.events()).singleElement().satisfies(event -> assertFailed(event, "rethrow", null, failure));
    }

    @Test
    void parameterNames_likeGeneratedNames_arePassedThrough() throws Throwable {
        Object toolbox = create(loader, "com.acme.ToolboxFactory");

        assertThat(call(toolbox, "shadow", "a", "b", "c", "d", "e")).isEqualTo("a,b,c,d,e");
    }

    /** Regression: a parameter named like the verb constant shadowed it, so its argument was recorded as the verb. */
    @Test
    void regression_parameterNamedLikeVerbConstant_recordsTheVerbNotTheArgument() throws Throwable {
        Object toolbox = create(loader, "com.acme.ToolboxFactory");

        call(toolbox, "shadow", "not-a-verb", "b", "c", "d", "e");

        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "shadow", null));
    }

    /** Regression: parameters named like the classes the override calls obscured them ("cannot find symbol"). */
    @Test
    void regression_parametersNamedCaptureAndSystem_stillCompileAndRecord() throws Throwable {
        Object toolbox = create(loader, "com.acme.ToolboxFactory");

        assertThat(call(toolbox, "obscure", "a", "b")).isEqualTo("ab");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "obscure", null));
    }
}
