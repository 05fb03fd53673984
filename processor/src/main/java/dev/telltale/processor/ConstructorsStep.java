package dev.telltale.processor;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.ExecutableElement;

/** One constructor per accessible constructor of the executor, calling {@code super} with the same arguments. */
final class ConstructorsStep implements SubclassWriter.Step {

    @Override
    public void apply(ExecutorModel model, SubclassContext context, TypeSpec.Builder subclass) {
        for (ExecutableElement constructor : model.constructors()) {
            MethodSpec.Builder builder = Generation.mirror(constructor, MethodSpec.constructorBuilder());
            builder.addStatement("super($L)", Generation.arguments(constructor));
            subclass.addMethod(builder.build());
        }
    }
}
