package dev.telltale.processor;

import static dev.telltale.processor.Harness.assertSucceeded;
import static dev.telltale.processor.Harness.call;
import static dev.telltale.processor.Harness.create;
import static dev.telltale.processor.Harness.createDeclared;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Executor classes of every shape: inherited commands, nesting, constructors, the default package. */
class ClassShapesTest {

    private static final JavaFileObject BASE = JavaFileObjects.forSourceLines(
            "com.acme.BaseExecutor",
            "package com.acme;",
            "",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "",
            "@Instrumented",
            "public class BaseExecutor {",
            "    @Command(verb = \"base.ping\")",
            "    public String ping(String who) {",
            "        return \"pong \" + who;",
            "    }",
            "",
            "    @Command",
            "    public String describe() {",
            "        return \"base\";",
            "    }",
            "}");

    private static final JavaFileObject DERIVED = JavaFileObjects.forSourceLines(
            "com.acme.DerivedExecutor",
            "package com.acme;",
            "",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "",
            "@Instrumented",
            "public class DerivedExecutor extends BaseExecutor {",
            "    @Override",
            "    public String describe() {",
            "        return \"derived\";",
            "    }",
            "",
            "    @Command",
            "    public String extra() {",
            "        return \"extra\";",
            "    }",
            "}");

    private static final JavaFileObject ABSTRACT_ELSEWHERE = JavaFileObjects.forSourceLines(
            "com.acme.base.AbstractRunner",
            "package com.acme.base;",
            "",
            "import dev.telltale.api.Command;",
            "",
            "public abstract class AbstractRunner {",
            "    @Command",
            "    protected String run(String line) {",
            "        return \"ran \" + line;",
            "    }",
            "}");

    private static final JavaFileObject CONCRETE = JavaFileObjects.forSourceLines(
            "com.acme.ConcreteRunner",
            "package com.acme;",
            "",
            "import dev.telltale.api.Instrumented;",
            "",
            "@Instrumented",
            "public class ConcreteRunner extends com.acme.base.AbstractRunner {",
            "}");

    private static final JavaFileObject OUTER = JavaFileObjects.forSourceLines(
            "com.acme.Outer",
            "package com.acme;",
            "",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "",
            "public class Outer {",
            "    @Instrumented",
            "    public static class Inner {",
            "        @Command",
            "        public String hello() {",
            "            return \"hello from inner\";",
            "        }",
            "    }",
            "}");

    private static final JavaFileObject CONFIGURED = JavaFileObjects.forSourceLines(
            "com.acme.Configured",
            "package com.acme;",
            "",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "import java.io.IOException;",
            "import java.security.GeneralSecurityException;",
            "import java.util.List;",
            "",
            "@Instrumented",
            "public class Configured {",
            "    private final String name;",
            "",
            "    public Configured() {",
            "        this(\"default\");",
            "    }",
            "",
            "    public Configured(String name) {",
            "        this.name = name;",
            "    }",
            "",
            "    public Configured(String name, IOException failure) throws IOException, GeneralSecurityException {",
            "        this(name);",
            "        if (failure != null) {",
            "            throw failure;",
            "        }",
            "    }",
            "",
            "    protected Configured(List<String> names) {",
            "        this(String.join(\",\", names));",
            "    }",
            "",
            "    Configured(int... sizes) {",
            "        this(\"sizes \" + sizes.length);",
            "    }",
            "",
            "    public <T extends CharSequence> Configured(T first, T second) {",
            "        this(first + \"+\" + second);",
            "    }",
            "",
            "    private Configured(Object hidden) {",
            "        this(String.valueOf(hidden));",
            "    }",
            "",
            "    @Command",
            "    public String name() {",
            "        return name;",
            "    }",
            "}");

    private static final JavaFileObject DEFAULT_PACKAGE = JavaFileObjects.forSourceLines(
            "Plain",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "",
            "@Instrumented",
            "public class Plain {",
            "    @Command",
            "    public String plain() {",
            "        return \"plain\";",
            "    }",
            "}");

    private static final JavaFileObject SELF_STARTING = JavaFileObjects.forSourceLines(
            "com.acme.SelfStarting",
            "package com.acme;",
            "",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "",
            "@Instrumented",
            "public class SelfStarting {",
            "    private final String greeting;",
            "",
            "    @SuppressWarnings(\"this-escape\") // JDK 21+ lint: the very shape under test",
            "    public SelfStarting() {",
            "        greeting = greet(\"constructor\");",
            "    }",
            "",
            "    @Command",
            "    public String greet(String who) {",
            "        return \"hello \" + who;",
            "    }",
            "",
            "    public String greeting() {",
            "        return greeting;",
            "    }",
            "}");

    private static final JavaFileObject BAG = JavaFileObjects.forSourceLines(
            "com.acme.Bag",
            "package com.acme;",
            "",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "",
            "@Instrumented",
            "public class Bag<T> {",
            "    private final int size;",
            "",
            "    @SafeVarargs",
            "    public Bag(T... items) {",
            "        size = items.length;",
            "    }",
            "",
            "    @Command",
            "    public int size() {",
            "        return size;",
            "    }",
            "}");

    private static final JavaFileObject PILE = JavaFileObjects.forSourceLines(
            "com.acme.Pile",
            "package com.acme;",
            "",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "import java.util.List;",
            "",
            "@Instrumented",
            "public class Pile {",
            "    @SuppressWarnings(\"unchecked\")",
            "    public <T> Pile(List<T>... lists) {",
            "    }",
            "",
            "    @Command",
            "    public String top() {",
            "        return \"top\";",
            "    }",
            "}");

    private static ClassLoader loader;

    @RegisterExtension
    final Harness harness = new Harness();

    @BeforeAll
    static void compile() {
        loader = Harness.compile(
                true,
                BASE,
                DERIVED,
                ABSTRACT_ELSEWHERE,
                CONCRETE,
                OUTER,
                CONFIGURED,
                DEFAULT_PACKAGE,
                SELF_STARTING,
                BAG,
                PILE);
    }

    @Test
    void inheritedCommand_ofInstrumentedSuperclass_isRecordedBySubclassFactory() throws Throwable {
        Object derived = create(loader, "com.acme.DerivedExecutorFactory");

        assertThat(call(derived, "ping", "bob")).isEqualTo("pong bob");
        assertThat(call(derived, "extra")).isEqualTo("extra");
        assertThat(derived.getClass().getName()).isEqualTo("com.acme.DerivedExecutor_Events");
        assertThat(harness.events())
                .satisfiesExactly(
                        event -> assertSucceeded(event, "base.ping", null),
                        event -> assertSucceeded(event, "extra", null));
    }

    @Test
    void inheritedCommand_overriddenWithoutCommand_runsTheOverrideAndIsRecorded() throws Throwable {
        Object derived = create(loader, "com.acme.DerivedExecutorFactory");

        assertThat(call(derived, "describe")).isEqualTo("derived");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "describe", null));
    }

    @Test
    void inheritedCommand_ofAbstractSuperclassInAnotherPackage_isRecorded() throws Throwable {
        Object runner = create(loader, "com.acme.ConcreteRunnerFactory");

        assertThat(call(runner, "run", "it")).isEqualTo("ran it");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "run", null));
    }

    @Test
    void nestedStaticClass_hasFactoryNamedAfterOuterAndInner() throws Throwable {
        Object inner = create(loader, "com.acme.Outer_InnerFactory");

        assertThat(inner.getClass().getName()).isEqualTo("com.acme.Outer_Inner_Events");
        assertThat(inner).isInstanceOf(Harness.load(loader, "com.acme.Outer$Inner"));
        assertThat(call(inner, "hello")).isEqualTo("hello from inner");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "hello", null));
    }

    @Test
    void constructors_areMirroredByFactory_withParametersAndThrows() {
        Map<String, Method> creates = Harness.createMethods(Harness.load(loader, "com.acme.ConfiguredFactory")).stream()
                .collect(Collectors.toMap(
                        method -> Arrays.toString(method.getGenericParameterTypes()), Function.identity()));

        assertThat(creates)
                .containsOnlyKeys(
                        "[]",
                        "[class java.lang.String]",
                        "[class java.lang.String, class java.io.IOException]",
                        "[java.util.List<java.lang.String>]",
                        "[class [I]",
                        "[T, T]");
        assertThat(creates.get("[class java.lang.String, class java.io.IOException]")
                        .getExceptionTypes())
                .containsExactly(IOException.class, GeneralSecurityException.class);
        assertThat(creates.values())
                .filteredOn(method -> method.getExceptionTypes().length > 0)
                .hasSize(1);
        assertThat(creates.get("[class [I]").isVarArgs()).isTrue();
        assertThat(creates.get("[T, T]").getTypeParameters()[0].getBounds()).containsExactly(CharSequence.class);
        assertThat(Modifier.isPublic(creates.get("[]").getModifiers())).isTrue();
        assertThat(Modifier.isPublic(
                        creates.get("[java.util.List<java.lang.String>]").getModifiers()))
                .as("a protected constructor gives a package-private create")
                .isFalse();
        assertThat(Modifier.isPublic(creates.get("[class [I]").getModifiers())).isFalse();
    }

    @Test
    void constructors_eachCreatesAnInstanceThatRecords() throws Throwable {
        List<Object> created = List.of(
                create(loader, "com.acme.ConfiguredFactory"),
                create(loader, "com.acme.ConfiguredFactory", "named"),
                createDeclared(
                        loader,
                        "com.acme.ConfiguredFactory",
                        new Class<?>[] {String.class, IOException.class},
                        "checked",
                        null),
                create(loader, "com.acme.ConfiguredFactory", List.of("a", "b")),
                create(loader, "com.acme.ConfiguredFactory", new Object[] {new int[] {1, 2}}),
                create(loader, "com.acme.ConfiguredFactory", "x", new StringBuilder("y")));

        for (Object configured : created) {
            call(configured, "name");
        }

        assertThat(created)
                .extracting(configured -> configured.getClass().getName())
                .containsOnly("com.acme.Configured_Events");
        assertThat(harness.events()).hasSize(6).allSatisfy(event -> assertSucceeded(event, "name", null));
    }

    @Test
    void constructorException_propagatesThroughFactoryUnchanged() {
        IOException failure = new IOException("cannot configure");

        Throwable thrown = catchThrowable(() -> createDeclared(
                loader,
                "com.acme.ConfiguredFactory",
                new Class<?>[] {String.class, IOException.class},
                "broken",
                failure));

        assertThat(thrown).isSameAs(failure);
        assertThat(harness.events()).isEmpty();
    }

    @Test
    void defaultPackage_executorIsGeneratedAndRecorded() throws Throwable {
        Object plain = create(loader, "PlainFactory");

        assertThat(plain.getClass().getName()).isEqualTo("Plain_Events");
        assertThat(call(plain, "plain")).isEqualTo("plain");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "plain", null));
    }

    @Test
    void constructorCallingACommand_doesNotFail_andTheCallIsRecorded() throws Throwable {
        Object selfStarting = create(loader, "com.acme.SelfStartingFactory");

        assertThat(call(selfStarting, "greeting")).isEqualTo("hello constructor");
        assertThat(call(selfStarting, "greet", "you")).isEqualTo("hello you");
        assertThat(harness.events())
                .satisfiesExactly(
                        event -> assertSucceeded(event, "greet", null), event -> assertSucceeded(event, "greet", null));
    }

    /** Regression: a generic varargs constructor gave a factory and subclass that warned of heap pollution under -Xlint:all. */
    @Test
    void regression_genericVarargsConstructor_isMirroredWarningFree() throws Throwable {
        Method bagCreate = Harness.createMethods(Harness.load(loader, "com.acme.BagFactory"))
                .get(0);
        Object bag = create(loader, "com.acme.BagFactory", new Object[] {new String[] {"a", "b", "c"}});
        Object pile = create(loader, "com.acme.PileFactory", new Object[] {new List<?>[] {List.of()}});

        assertThat(bagCreate.isVarArgs()).isTrue();
        assertThat(bagCreate.isAnnotationPresent(SafeVarargs.class))
                .as("@SafeVarargs mirrored")
                .isTrue();
        assertThat(call(bag, "size")).isEqualTo(3);
        assertThat(call(pile, "top")).isEqualTo("top");
        assertThat(harness.events())
                .satisfiesExactly(
                        event -> assertSucceeded(event, "size", null), event -> assertSucceeded(event, "top", null));
    }
}
