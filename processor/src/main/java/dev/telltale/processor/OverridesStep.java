package dev.telltale.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.telltale.processor.ExecutorModel.CommandModel;
import dev.telltale.processor.ExecutorModel.SessionArg;
import dev.telltale.processor.ExecutorModel.VerbSource;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * One override per command. Each reads, when recording is on, the clock before and after
 * {@code super}, and reports success or failure through {@code Capture}; it returns exactly what
 * {@code super} returned and rethrows exactly what it threw. When recording is off it is one
 * branch and the {@code super} call.
 *
 * <pre>{@code
 * @Override
 * public Result execute(String line) throws DslException {
 *     if (!Capture.isEnabled()) {
 *         return super.execute(line);
 *     }
 *     TelltaleSession session = Capture.currentSession();
 *     long start = System.nanoTime();
 *     Result result;
 *     try {
 *         result = super.execute(line);
 *     } catch (Throwable failure) {
 *         Capture.failed(VERB_EXECUTE, session, start, failure);
 *         throw failure;
 *     }
 *     Capture.succeeded(VERB_EXECUTE, session, start);
 *     return result;
 * }
 * }</pre>
 */
final class OverridesStep implements SubclassWriter.Step {

    /** The tag of the accessor catches' exception name in a method's {@link NameAllocator}. */
    private static final Object ACCESSOR_FAILED = new Object();

    /** {@code Enum<?>}: the overload of {@code Capture.verb} an enum that is also a CharSequence is cast to. */
    private static final TypeName ANY_ENUM =
            ParameterizedTypeName.get(ClassName.get(Enum.class), WildcardTypeName.subtypeOf(Object.class));

    @Override
    public void apply(ExecutorModel model, SubclassContext context, TypeSpec.Builder subclass) {
        for (CommandModel command : model.commands()) {
            subclass.addMethod(override(model, context, command));
        }
    }

    private MethodSpec override(ExecutorModel model, SubclassContext context, CommandModel command) {
        ExecutableElement method = command.method();
        MethodSpec.Builder builder = Generation.overriding(method, model.declaredType(), context.types());
        if (Generation.hasGenericVarargs(method)) {
            builder.addAnnotation(Generation.SUPPRESS_UNCHECKED);
        }
        ExecutableType resolved = (ExecutableType) context.types().asMemberOf(model.declaredType(), method);
        TypeMirror returnType = resolved.getReturnType();
        boolean isVoid = returnType.getKind() == TypeKind.VOID;

        NameAllocator locals = new NameAllocator();
        for (VariableElement parameter : method.getParameters()) {
            String name = parameter.getSimpleName().toString();
            locals.newName(name, name);
        }
        String start = locals.newName("start");
        String failure = locals.newName("failure");
        CodeBlock superCall =
                CodeBlock.of("super.$N($L)", method.getSimpleName().toString(), Generation.arguments(method));

        CodeBlock.Builder body = CodeBlock.builder();
        body.beginControlFlow("if (!$T.isEnabled())", Names.CAPTURE);
        if (isVoid) {
            body.addStatement("$L", superCall).addStatement("return");
        } else {
            body.addStatement("return $L", superCall);
        }
        body.endControlFlow();
        CodeBlock verb = verb(context, command, locals, body);
        CodeBlock session = session(command, locals, body);
        body.addStatement("long $N = $T.nanoTime()", start, System.class);

        String result = isVoid ? null : locals.newName("result");
        if (!isVoid) {
            body.addStatement("$T $N", TypeName.get(returnType), result);
        }
        body.beginControlFlow("try");
        if (isVoid) {
            body.addStatement("$L", superCall);
        } else {
            body.addStatement("$N = $L", result, superCall);
        }
        body.nextControlFlow("catch ($T $N)", Throwable.class, failure);
        body.addStatement("$T.failed($L, $L, $N, $N)", Names.CAPTURE, verb, session, start, failure);
        body.addStatement("throw $N", failure);
        body.endControlFlow();
        if (isVoid) {
            body.addStatement("$T.succeeded($L, $L, $N)", Names.CAPTURE, verb, session, start);
        } else if (command.async()) {
            body.addStatement("return $T.completion($N, $L, $L, $N)", Names.CAPTURE, result, verb, session, start);
        } else {
            body.addStatement("$T.succeeded($L, $L, $N)", Names.CAPTURE, verb, session, start);
            body.addStatement("return $N", result);
        }
        return builder.addCode(body.build()).build();
    }

    /**
     * The name of the exception an accessor's catch takes: the same in both catches of a method
     * (their scopes do not overlap); suffixed only when a parameter has that name.
     */
    private static String accessorFailed(NameAllocator locals) {
        try {
            return locals.get(ACCESSOR_FAILED);
        } catch (IllegalArgumentException notYet) {
            return locals.newName("accessorFailed", ACCESSOR_FAILED);
        }
    }

    /** The verb expression: the constant, or a local read from the argument before the call. */
    private CodeBlock verb(
            SubclassContext context, CommandModel command, NameAllocator locals, CodeBlock.Builder body) {
        if (command.verb() instanceof VerbSource.Constant) {
            return CodeBlock.of("$N", context.verbConstant(command));
        }
        VerbSource.Argument argument = (VerbSource.Argument) command.verb();
        String parameter = argument.parameter().getSimpleName().toString();
        String verb = locals.newName("verb");
        CodeBlock value = argument.accessor() == null
                ? CodeBlock.of("$N", parameter)
                : CodeBlock.of("$N.$N()", parameter, argument.accessor());
        if (argument.enumAndText()) {
            value = CodeBlock.of("($T) $L", ANY_ENUM, value);
        }
        if (argument.accessor() == null) {
            body.addStatement("$T $N = $T.verb($L)", String.class, verb, Names.CAPTURE, value);
        } else {
            // The accessor is user code: whatever it throws, the command is still run and recorded, as "unknown".
            body.addStatement("$T $N", String.class, verb);
            body.beginControlFlow("try");
            body.addStatement(
                    "$N = $N == null ? $T.UNKNOWN_VERB : $T.verb($L)",
                    verb,
                    parameter,
                    Names.CAPTURE,
                    Names.CAPTURE,
                    value);
            body.nextControlFlow("catch ($T $N)", Throwable.class, accessorFailed(locals));
            body.addStatement("$N = $T.UNKNOWN_VERB", verb, Names.CAPTURE);
            body.endControlFlow();
        }
        return CodeBlock.of("$N", verb);
    }

    /** The session expression: the thread's current session, or the argument (or its accessor's result). */
    private CodeBlock session(CommandModel command, NameAllocator locals, CodeBlock.Builder body) {
        String session = locals.newName("session");
        if (command.session() instanceof SessionArg.Current) {
            body.addStatement("$T $N = $T.currentSession()", Names.SESSION, session, Names.CAPTURE);
            return CodeBlock.of("$N", session);
        }
        SessionArg.Argument argument = (SessionArg.Argument) command.session();
        String parameter = argument.parameter().getSimpleName().toString();
        if (argument.accessor() == null) {
            return CodeBlock.of("$N", parameter);
        }
        body.addStatement("$T $N", Names.UUID, session);
        body.beginControlFlow("try");
        body.addStatement("$N = $N == null ? null : $N.$N()", session, parameter, parameter, argument.accessor());
        body.nextControlFlow("catch ($T $N)", Throwable.class, accessorFailed(locals));
        body.addStatement("$N = null", session);
        body.endControlFlow();
        return CodeBlock.of("$N", session);
    }
}
