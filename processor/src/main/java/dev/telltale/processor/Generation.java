package dev.telltale.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Pieces both writers use: the {@code @Generated} annotation, type variables, parameter lists. */
final class Generation {

    private static final ClassName GENERATED = ClassName.bestGuess(Names.GENERATED);

    /** {@code @SuppressWarnings("unchecked")}, for code that only passes a generic varargs array on. */
    static final AnnotationSpec SUPPRESS_UNCHECKED =
            AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build();

    /** {@code @SuppressWarnings("varargs")}, beside a mirrored {@code @SafeVarargs}. */
    private static final AnnotationSpec SUPPRESS_VARARGS =
            AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "varargs").build();

    private Generation() {
    }

    /** {@code @Generated("dev.telltale.processor.InstrumentedProcessor")}, with a comment saying from what. */
    static AnnotationSpec generated(TypeElement from) {
        return AnnotationSpec.builder(GENERATED)
                .addMember("value", "$S", InstrumentedProcessor.class.getName())
                .addMember("comments", "$S", "from @Instrumented " + from.getQualifiedName())
                .build();
    }

    static List<TypeVariableName> typeVariables(List<? extends TypeParameterElement> parameters) {
        List<TypeVariableName> names = new ArrayList<>();
        for (TypeParameterElement parameter : parameters) {
            names.add(TypeVariableName.get(parameter));
        }
        return names;
    }

    /** The executor as a type with its own type variables: {@code Foo<T, U>}, or {@code Foo}. */
    static TypeName selfType(TypeElement type) {
        return TypeName.get(type.asType());
    }

    /** A constructor's parameters, mirrored with their names. */
    static List<ParameterSpec> parameters(ExecutableElement executable) {
        List<ParameterSpec> parameters = new ArrayList<>();
        for (VariableElement parameter : executable.getParameters()) {
            parameters.add(ParameterSpec.builder(TypeName.get(parameter.asType()), parameter.getSimpleName().toString()).build());
        }
        return parameters;
    }

    /** {@code a, b, c}: the executable's parameter names as call arguments. */
    static CodeBlock arguments(ExecutableElement executable) {
        List<CodeBlock> names = new ArrayList<>();
        for (VariableElement parameter : executable.getParameters()) {
            names.add(CodeBlock.of("$N", parameter.getSimpleName().toString()));
        }
        return CodeBlock.join(names, ", ");
    }

    /**
     * Copies a constructor's shape (type variables, parameters, varargs, throws) onto {@code builder}.
     * A generic varargs parameter keeps the constructor's {@code @SafeVarargs}, or else has its
     * heap-pollution warning suppressed, so the copy compiles as cleanly as the original.
     */
    static MethodSpec.Builder mirror(ExecutableElement constructor, MethodSpec.Builder builder) {
        builder.addTypeVariables(typeVariables(constructor.getTypeParameters()))
                .addParameters(parameters(constructor))
                .varargs(constructor.isVarArgs());
        if (hasGenericVarargs(constructor)) {
            if (constructor.getAnnotation(SafeVarargs.class) != null) {
                // Passing the array on is what -Xlint:varargs warns of, even between @SafeVarargs executables.
                builder.addAnnotation(SafeVarargs.class).addAnnotation(SUPPRESS_VARARGS);
            } else {
                builder.addAnnotation(SUPPRESS_UNCHECKED);
            }
        }
        for (TypeMirror thrown : constructor.getThrownTypes()) {
            builder.addException(TypeName.get(thrown));
        }
        return builder;
    }

    /** Whether the last parameter is varargs of a non-reifiable type, such as {@code T...} or {@code List<String>...}. */
    static boolean hasGenericVarargs(ExecutableElement executable) {
        if (!executable.isVarArgs()) {
            return false;
        }
        TypeMirror last = executable.getParameters().get(executable.getParameters().size() - 1).asType();
        TypeMirror component = ((ArrayType) last).getComponentType();
        return component.getKind() == TypeKind.TYPEVAR
                || component.getKind() == TypeKind.DECLARED && !((DeclaredType) component).getTypeArguments().isEmpty();
    }

    /** Whether every class from the executor outwards is public, so generated types may be public. */
    static boolean isPublic(TypeElement type) {
        for (javax.lang.model.element.Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!e.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }
}
