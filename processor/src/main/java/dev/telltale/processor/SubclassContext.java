package dev.telltale.processor;

import com.palantir.javapoet.NameAllocator;
import dev.telltale.processor.ExecutorModel.CommandModel;
import javax.lang.model.util.Types;

/** What the subclass steps share: the field names given out, and the verb constant of each command. */
final class SubclassContext {

    private final Types types;
    private final NameAllocator fields = new NameAllocator();

    SubclassContext(Types types) {
        this.types = types;
    }

    Types types() {
        return types;
    }

    /** Keeps {@code name} from any field: a parameter of that name would hide the field inside its method. */
    void reserveFieldName(String name) {
        fields.newName(name);
    }

    /** A new field name for {@code command}'s verb constant, such as {@code VERB_EXECUTE} (or {@code VERB_EXECUTE_} for an overload). */
    String newVerbConstant(CommandModel command) {
        return fields.newName(
                "VERB_" + upperSnake(command.method().getSimpleName().toString()), command);
    }

    /** The verb constant given to {@code command}. */
    String verbConstant(CommandModel command) {
        return fields.get(command);
    }

    private static String upperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }
}
