package dev.telltale.processor;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.TypeElement;

/**
 * The names the processor reads and writes. Telltale's annotations and runtime are named here, as
 * strings, so the processor needs none of them on its class path.
 *
 * <p>For an executor {@code com.acme.Foo}: factory {@code com.acme.FooFactory}, subclass
 * {@code com.acme.Foo_Events}. For a nested {@code com.acme.Outer.Foo}: {@code Outer_FooFactory}
 * and {@code Outer_Foo_Events}, in {@code com.acme}.
 */
final class Names {

    static final String INSTRUMENTED = "dev.telltale.api.Instrumented";
    static final String COMMAND = "dev.telltale.api.Command";
    static final String VERB = "dev.telltale.api.Verb";
    static final String SESSION_ID = "dev.telltale.api.SessionId";
    static final String GENERATED = "javax.annotation.processing.Generated";

    static final ClassName CAPTURE = ClassName.get("dev.telltale.api", "Capture");
    static final ClassName SESSION = ClassName.get("dev.telltale.api", "TelltaleSession");
    static final ClassName UUID = ClassName.get("java.util", "UUID");

    /** The processor option the {@code events} profile sets. */
    static final String EVENTS_OPTION = "telltale.events";

    static final String FACTORY_SUFFIX = "Factory";
    static final String SUBCLASS_SUFFIX = "_Events";

    private Names() {}

    /** {@code Outer_Foo} for {@code Outer.Foo}: the executor's simple names joined. */
    static String flatName(ClassName executor) {
        return String.join("_", executor.simpleNames());
    }

    static ClassName factory(TypeElement executor) {
        ClassName name = ClassName.get(executor);
        return ClassName.get(name.packageName(), flatName(name) + FACTORY_SUFFIX);
    }

    static ClassName subclass(TypeElement executor) {
        ClassName name = ClassName.get(executor);
        return ClassName.get(name.packageName(), flatName(name) + SUBCLASS_SUFFIX);
    }
}
