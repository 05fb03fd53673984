package dev.telltale.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes {@code Foo_Events}, the subclass an events build's factory returns. Built in steps, one
 * concern each: the verb constants, the constructors, the overrides.
 */
final class SubclassWriter {

    /** One concern of the generated subclass. */
    interface Step {
        void apply(ExecutorModel model, SubclassContext context, TypeSpec.Builder subclass);
    }

    private final Types types;
    private final Elements elements;
    private final List<Step> steps = List.of(new VerbConstantsStep(), new ConstructorsStep(), new OverridesStep());

    SubclassWriter(Types types, Elements elements) {
        this.types = types;
        this.elements = elements;
    }

    JavaFile write(ExecutorModel model) {
        TypeElement type = model.type();
        ClassName name = Names.subclass(type);
        TypeSpec.Builder subclass = Generation.addGenerated(TypeSpec.classBuilder(name), type, elements)
                .addOriginatingElement(type)
                .addModifiers(Modifier.FINAL)
                .addTypeVariables(Generation.typeVariables(type.getTypeParameters()))
                .superclass(Generation.selfType(type))
                .addJavadoc(
                        "Records every {@code @Command} call of {@link $T} as a Telltale event.\n"
                                + "Obtained through {@link $T}; not meant to be named by user code.\n",
                        ClassName.get(type),
                        Names.factory(type));
        // A parameter named like a class the overrides call (Capture, System) would obscure it, a
        // class of the package or a nested class of the executor would capture or shadow it.
        Generation.qualifyClashes(subclass, type, elements, parameterNames(model));
        SubclassContext context = new SubclassContext(types);
        for (Step step : steps) {
            step.apply(model, context, subclass);
        }
        return JavaFile.builder(name.packageName(), subclass.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private static java.util.Set<String> parameterNames(ExecutorModel model) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (ExecutorModel.CommandModel command : model.commands()) {
            command.method()
                    .getParameters()
                    .forEach(parameter -> names.add(parameter.getSimpleName().toString()));
        }
        return names;
    }
}
