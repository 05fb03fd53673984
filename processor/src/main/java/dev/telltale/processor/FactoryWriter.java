package dev.telltale.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Writes {@code FooFactory}: one {@code create(…)} per accessible constructor of {@code Foo}. In an
 * events build it returns the generated {@code Foo_Events}; otherwise a plain {@code Foo}, and the
 * factory refers to nothing of Telltale.
 */
final class FactoryWriter {

    private final Elements elements;

    FactoryWriter(Elements elements) {
        this.elements = elements;
    }

    JavaFile write(ExecutorModel model, boolean events) {
        TypeElement type = model.type();
        ClassName factory = Names.factory(type);
        ClassName created = events ? Names.subclass(type) : ClassName.get(type);
        boolean generic = !type.getTypeParameters().isEmpty();
        TypeSpec.Builder builder = Generation.addGenerated(TypeSpec.classBuilder(factory), type, elements)
                .addOriginatingElement(type)
                .addModifiers(Modifier.FINAL)
                .addJavadoc(
                        "Creates {@link $T} instances$L.\n",
                        ClassName.get(type),
                        events
                                ? " that record every {@code @Command} call (built with the events profile)"
                                : " (built without the events profile: nothing is recorded)")
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        if (Generation.isPublic(type)) {
            builder.addModifiers(Modifier.PUBLIC);
        }
        for (ExecutableElement constructor : model.constructors()) {
            MethodSpec.Builder create = MethodSpec.methodBuilder("create")
                    .addModifiers(Modifier.STATIC)
                    .addTypeVariables(Generation.typeVariables(type.getTypeParameters()))
                    .returns(Generation.selfType(type));
            Generation.mirror(constructor, create);
            if (constructor.getModifiers().contains(Modifier.PUBLIC)) {
                create.addModifiers(Modifier.PUBLIC);
            }
            create.addStatement("return new $T$L($L)", created, generic ? "<>" : "", Generation.arguments(constructor));
            builder.addMethod(create.build());
        }
        Generation.qualifyClashes(builder, type, elements, java.util.Set.of());
        return JavaFile.builder(factory.packageName(), builder.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }
}
