package dev.telltale.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Pieces both writers use: the {@code @Generated} annotation, type variables, parameter lists. */
final class Generation {

    private static final ClassName GENERATED = ClassName.bestGuess(Names.GENERATED);

    /** {@code @SuppressWarnings("unchecked")}, for code that only passes a generic varargs array on. */
    static final AnnotationSpec SUPPRESS_UNCHECKED = AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "$S", "unchecked")
            .build();

    /** {@code @SuppressWarnings("varargs")}, beside a mirrored {@code @SafeVarargs}. */
    private static final AnnotationSpec SUPPRESS_VARARGS = AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "$S", "varargs")
            .build();

    private Generation() {}

    /** {@code @Generated("dev.telltale.processor.InstrumentedProcessor")}, with a comment saying from what. */
    static AnnotationSpec generated(TypeElement from) {
        return AnnotationSpec.builder(GENERATED)
                .addMember("value", "$S", InstrumentedProcessor.class.getName())
                .addMember("comments", "$S", "from @Instrumented " + from.getQualifiedName())
                .build();
    }

    /**
     * Puts {@link #generated} on {@code builder} where the executor's code can see it: always in the
     * unnamed module (the class path), in a named module only if it reads {@code java.compiler} (which
     * holds {@code javax.annotation.processing.Generated}), so that a module that requires nothing but
     * {@code dev.telltale.api} compiles without having to require it.
     */
    static TypeSpec.Builder addGenerated(TypeSpec.Builder builder, TypeElement from, Elements elements) {
        ModuleElement module = elements.getModuleOf(from);
        if (module == null || module.isUnnamed() || reads(module, JAVA_COMPILER, new java.util.HashSet<>())) {
            builder.addAnnotation(generated(from));
        }
        return builder;
    }

    private static final String JAVA_COMPILER = "java.compiler";

    /** Whether {@code module} reads {@code target}: requires it, or requires a module that requires it transitively. */
    private static boolean reads(ModuleElement module, String target, java.util.Set<String> seen) {
        for (ModuleElement.Directive directive : module.getDirectives()) {
            if (directive.getKind() == ModuleElement.DirectiveKind.REQUIRES) {
                ModuleElement required = ((ModuleElement.RequiresDirective) directive).getDependency();
                if (required.getQualifiedName().contentEquals(target) || transitively(required, target, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean transitively(ModuleElement module, String target, java.util.Set<String> seen) {
        if (!seen.add(module.getQualifiedName().toString())) {
            return false;
        }
        for (ModuleElement.Directive directive : module.getDirectives()) {
            if (directive.getKind() == ModuleElement.DirectiveKind.REQUIRES
                    && ((ModuleElement.RequiresDirective) directive).isTransitive()) {
                ModuleElement required = ((ModuleElement.RequiresDirective) directive).getDependency();
                if (required.getQualifiedName().contentEquals(target) || transitively(required, target, seen)) {
                    return true;
                }
            }
        }
        return false;
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
            parameters.add(ParameterSpec.builder(
                            TypeName.get(parameter.asType()),
                            parameter.getSimpleName().toString())
                    .build());
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

    /**
     * An override of {@code method} as a member of {@code in}: its modifiers (less {@code abstract} and
     * {@code default}), type variables, parameters, return and thrown types resolved in {@code in}, and
     * {@code @Override}. It carries the method's runtime-retained annotations, its parameters' too, and
     * the type-use annotations on its return and parameter types (outermost level), so that a
     * framework reading them by reflection sees on the override what it saw on the method.
     */
    static MethodSpec.Builder overriding(ExecutableElement method, DeclaredType in, Types types) {
        ExecutableType resolved = (ExecutableType) types.asMemberOf(in, method);
        MethodSpec.Builder builder = MethodSpec.methodBuilder(
                        method.getSimpleName().toString())
                .addAnnotation(Override.class)
                .addAnnotations(runtimeAnnotations(method.getAnnotationMirrors(), null));
        for (Modifier modifier : method.getModifiers()) {
            if (modifier != Modifier.ABSTRACT && modifier != Modifier.DEFAULT) {
                builder.addModifiers(modifier);
            }
        }
        builder.addTypeVariables(typeVariables(method.getTypeParameters()));
        builder.returns(typeUse(TypeName.get(resolved.getReturnType()), method.getReturnType(), ElementType.METHOD));
        List<? extends VariableElement> parameters = method.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            VariableElement parameter = parameters.get(i);
            TypeName type = typeUse(
                    TypeName.get(resolved.getParameterTypes().get(i)), parameter.asType(), ElementType.PARAMETER);
            builder.addParameter(
                    ParameterSpec.builder(type, parameter.getSimpleName().toString())
                            .addAnnotations(runtimeAnnotations(parameter.getAnnotationMirrors(), null))
                            .build());
        }
        builder.varargs(method.isVarArgs());
        for (TypeMirror thrown : resolved.getThrownTypes()) {
            builder.addException(TypeName.get(thrown));
        }
        return builder;
    }

    /**
     * {@code type} with the type-use annotations {@code declared} carries that a declaration of
     * {@code kind} would not carry itself (an annotation that targets both sits on the declaration, and
     * is copied there).
     */
    private static TypeName typeUse(TypeName type, TypeMirror declared, ElementType kind) {
        List<AnnotationSpec> annotations = runtimeAnnotations(declared.getAnnotationMirrors(), kind);
        return annotations.isEmpty() ? type : type.annotated(annotations);
    }

    /**
     * The runtime-retained annotations among {@code mirrors}, {@code @Override} left out; with
     * {@code exceptTarget}, those that cannot target it (type-use only annotations).
     */
    private static List<AnnotationSpec> runtimeAnnotations(
            List<? extends AnnotationMirror> mirrors, ElementType exceptTarget) {
        List<AnnotationSpec> kept = new ArrayList<>();
        for (AnnotationMirror mirror : mirrors) {
            TypeElement annotationType =
                    (TypeElement) mirror.getAnnotationType().asElement();
            Retention retention = annotationType.getAnnotation(Retention.class);
            if (retention == null
                    || retention.value() != RetentionPolicy.RUNTIME
                    || annotationType.getQualifiedName().contentEquals(Override.class.getName())) {
                continue;
            }
            if (exceptTarget != null) {
                Target target = annotationType.getAnnotation(Target.class);
                if (target != null && Arrays.asList(target.value()).contains(exceptTarget)) {
                    continue;
                }
            }
            kept.add(AnnotationSpec.get(mirror));
        }
        return kept;
    }

    /** Whether the last parameter is varargs of a non-reifiable type, such as {@code T...} or {@code List<String>...}. */
    static boolean hasGenericVarargs(ExecutableElement executable) {
        if (!executable.isVarArgs()) {
            return false;
        }
        TypeMirror last = executable
                .getParameters()
                .get(executable.getParameters().size() - 1)
                .asType();
        TypeMirror component = ((ArrayType) last).getComponentType();
        return component.getKind() == TypeKind.TYPEVAR
                || component.getKind() == TypeKind.DECLARED
                        && !((DeclaredType) component).getTypeArguments().isEmpty();
    }

    /**
     * Makes the file compile whatever names the executor's package holds: a class of that package
     * named like one the file uses unqualified ({@code System}, {@code String}, {@code Override},
     * ...) would capture the name, so such names are written qualified; so are names a nested class
     * of the executor (or of its supertypes) would shadow, and {@code extra} (parameter names that
     * would obscure a class).
     */
    static TypeSpec.Builder qualifyClashes(
            TypeSpec.Builder builder, TypeElement type, Elements elements, java.util.Collection<String> extra) {
        java.util.Set<String> names = new java.util.TreeSet<>(extra);
        for (Element member : elements.getPackageOf(type).getEnclosedElements()) {
            names.add(member.getSimpleName().toString());
        }
        return builder.alwaysQualify(names.toArray(String[]::new)).avoidClashesWithNestedClasses(type);
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
