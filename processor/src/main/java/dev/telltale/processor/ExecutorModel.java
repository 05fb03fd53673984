package dev.telltale.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;

/**
 * A validated {@code @Instrumented} class: what the writers need, nothing they must check again.
 *
 * @param type the executor class
 * @param declaredType the class as a type, with its own type variables as arguments
 * @param constructors the constructors its factory mirrors (none private)
 * @param commands the methods its subclass overrides, most-derived versions, in declaration order
 */
record ExecutorModel(
        TypeElement type,
        DeclaredType declaredType,
        List<ExecutableElement> constructors,
        List<CommandModel> commands) {

    /** One method to record, and where its verb and session come from. */
    record CommandModel(ExecutableElement method, VerbSource verb, SessionArg session, boolean async) {}

    /** Where an event's verb comes from. */
    sealed interface VerbSource {
        /** A constant: {@code @Command(verb = "…")} or the method's name. */
        record Constant(String verb) implements VerbSource {}

        /**
         * An argument marked {@code @Verb}, or what its accessor returns; {@code enumAndText}: the
         * value is an enum that is a CharSequence too (recorded by its name; the call names the overload).
         */
        record Argument(VariableElement parameter, String accessor, boolean enumAndText) implements VerbSource {}
    }

    /** Where an event's session comes from. */
    sealed interface SessionArg {
        /** The calling thread's current {@code TelltaleSession}. */
        record Current() implements SessionArg {}

        /** An argument marked {@code @SessionId}, or what its accessor returns. */
        record Argument(VariableElement parameter, String accessor) implements SessionArg {}
    }
}
