package dev.telltale.processor;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.telltale.processor.ExecutorModel.CommandModel;
import dev.telltale.processor.ExecutorModel.VerbSource;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;

/**
 * One {@code private static final String VERB_…} per command whose verb is a constant, named
 * unlike every command parameter, which would otherwise hide it.
 */
final class VerbConstantsStep implements SubclassWriter.Step {

    @Override
    public void apply(ExecutorModel model, SubclassContext context, TypeSpec.Builder subclass) {
        for (CommandModel command : model.commands()) {
            for (VariableElement parameter : command.method().getParameters()) {
                context.reserveFieldName(parameter.getSimpleName().toString());
            }
        }
        for (CommandModel command : model.commands()) {
            if (command.verb() instanceof VerbSource.Constant constant) {
                subclass.addField(FieldSpec.builder(
                                String.class,
                                context.newVerbConstant(command),
                                Modifier.PRIVATE,
                                Modifier.STATIC,
                                Modifier.FINAL)
                        .initializer("$S", constant.verb())
                        .build());
            }
        }
    }
}
