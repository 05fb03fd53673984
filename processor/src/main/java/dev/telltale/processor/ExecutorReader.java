package dev.telltale.processor;

import dev.telltale.processor.ExecutorModel.CommandModel;
import dev.telltale.processor.ExecutorModel.SessionArg;
import dev.telltale.processor.ExecutorModel.VerbSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads an {@code @Instrumented} class into an {@link ExecutorModel}, reporting every misuse as a
 * {@link Problem} on the element at fault. Returns a model only when there was none.
 */
final class ExecutorReader {

    private final Elements elements;
    private final Types types;
    private final Reporter reporter;

    ExecutorReader(Elements elements, Types types, Reporter reporter) {
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
    }

    Optional<ExecutorModel> read(Element annotated) {
        reporter.reset();
        if (annotated.getKind() != ElementKind.CLASS) {
            reporter.error(annotated, Problem.NOT_A_CLASS, annotated, kindName(annotated.getKind()));
            return Optional.empty();
        }
        TypeElement type = (TypeElement) annotated;
        checkClass(type);
        List<ExecutableElement> constructors = constructors(type);
        List<CommandModel> commands = commands(type);
        if (reporter.failed()) {
            return Optional.empty();
        }
        return Optional.of(new ExecutorModel(type, (DeclaredType) type.asType(), constructors, commands));
    }

    private void checkClass(TypeElement type) {
        Set<Modifier> modifiers = type.getModifiers();
        if (modifiers.contains(Modifier.FINAL)) {
            reporter.error(type, Problem.FINAL_CLASS, type.getSimpleName());
        }
        if (modifiers.contains(Modifier.PRIVATE)) {
            reporter.error(type, Problem.PRIVATE_CLASS, type.getSimpleName());
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !modifiers.contains(Modifier.STATIC)) {
            reporter.error(type, Problem.INNER_CLASS, type.getSimpleName());
        }
        if (modifiers.contains(Modifier.ABSTRACT)) {
            reporter.error(type, Problem.ABSTRACT_CLASS, type.getSimpleName());
        }
    }

    private List<ExecutableElement> constructors(TypeElement type) {
        List<ExecutableElement> accessible = new ArrayList<>();
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (!constructor.getModifiers().contains(Modifier.PRIVATE)) {
                accessible.add(constructor);
            }
        }
        if (accessible.isEmpty()) {
            reporter.error(type, Problem.NO_CONSTRUCTOR, type.getSimpleName());
        }
        return accessible;
    }

    /** The most-derived version of every method marked @Command in the class or its superclasses. */
    private List<CommandModel> commands(TypeElement type) {
        Set<ExecutableElement> marked = new LinkedHashSet<>();
        for (TypeElement current = type; current != null; current = superclass(current)) {
            for (ExecutableElement method : ElementFilter.methodsIn(current.getEnclosedElements())) {
                if (annotation(method, Names.COMMAND).isPresent()) {
                    marked.add(method);
                }
            }
        }
        List<ExecutableElement> members = ElementFilter.methodsIn(elements.getAllMembers(type));
        Set<ExecutableElement> chosen = new LinkedHashSet<>();
        for (ExecutableElement method : marked) {
            ExecutableElement mostDerived = method;
            for (ExecutableElement member : members) {
                if (member != method && elements.overrides(member, method, type)) {
                    mostDerived = member;
                }
            }
            chosen.add(mostDerived);
        }
        List<CommandModel> commands = new ArrayList<>();
        for (ExecutableElement method : chosen) {
            command(type, method).ifPresent(commands::add);
        }
        if (marked.isEmpty()) {
            reporter.error(type, Problem.NO_COMMANDS, type.getSimpleName());
        }
        return commands;
    }

    private Optional<CommandModel> command(TypeElement type, ExecutableElement method) {
        Set<Modifier> modifiers = method.getModifiers();
        String name = describe(method);
        boolean ok = true;
        if (modifiers.contains(Modifier.FINAL)) {
            reporter.error(method, Problem.FINAL_METHOD, name);
            ok = false;
        }
        if (modifiers.contains(Modifier.STATIC)) {
            reporter.error(method, Problem.STATIC_METHOD, name);
            ok = false;
        }
        if (modifiers.contains(Modifier.PRIVATE)) {
            reporter.error(method, Problem.PRIVATE_METHOD, name);
            ok = false;
        }
        if (ok && isPackagePrivate(method) && !samePackage(method.getEnclosingElement(), type)) {
            reporter.error(method, Problem.HIDDEN_METHOD, name, type.getSimpleName() + Names.SUBCLASS_SUFFIX);
            ok = false;
        }
        VerbSource verb = verbSource(method);
        SessionArg session = sessionArg(method);
        if (!ok || verb == null || session == null) {
            return Optional.empty();
        }
        return Optional.of(new CommandModel(method, verb, session, isCompletionStage(method.getReturnType())));
    }

    private VerbSource verbSource(ExecutableElement method) {
        List<VariableElement> marked = parametersMarked(method, Names.VERB);
        if (marked.size() > 1) {
            reporter.error(method, Problem.TWO_VERBS, describe(method));
            return null;
        }
        if (marked.size() == 1) {
            Marked argument = checkMarked(marked.get(0), Names.VERB, this::isVerbType,
                    Problem.BAD_VERB_TYPE, Problem.BAD_VERB_ACCESSOR);
            return argument == null ? null : new VerbSource.Argument(argument.parameter(), argument.accessor());
        }
        String constant = stringValue(annotation(method, Names.COMMAND).orElse(null), "verb");
        if (!constant.isEmpty() && constant.isBlank()) {
            reporter.error(method, Problem.BLANK_VERB, constant);
            return null;
        }
        return new VerbSource.Constant(constant.isEmpty() ? method.getSimpleName().toString() : constant.trim());
    }

    private SessionArg sessionArg(ExecutableElement method) {
        List<VariableElement> marked = parametersMarked(method, Names.SESSION_ID);
        if (marked.size() > 1) {
            reporter.error(method, Problem.TWO_SESSIONS, describe(method));
            return null;
        }
        if (marked.isEmpty()) {
            return new SessionArg.Current();
        }
        Marked argument = checkMarked(marked.get(0), Names.SESSION_ID, this::isUuid,
                Problem.BAD_SESSION_TYPE, Problem.BAD_SESSION_ACCESSOR);
        return argument == null ? null : new SessionArg.Argument(argument.parameter(), argument.accessor());
    }

    /** A parameter marked {@code @Verb} or {@code @SessionId}, and its accessor ({@code null}: the argument itself). */
    private record Marked(VariableElement parameter, String accessor) {
    }

    /**
     * Checks a marked parameter: without an accessor its own type, with one the accessor's return
     * type, must be {@code acceptable}. Reports the problem and returns {@code null} when not.
     */
    private Marked checkMarked(VariableElement parameter, String annotationName, Predicate<TypeMirror> acceptable,
            Problem badType, Problem badAccessor) {
        String accessor = stringValue(annotation(parameter, annotationName).orElseThrow(), "value");
        TypeMirror type = parameter.asType();
        if (accessor.isEmpty()) {
            if (acceptable.test(type)) {
                return new Marked(parameter, null);
            }
            reporter.error(parameter, badType, parameter.getSimpleName(), type);
            return null;
        }
        Optional<ExecutableElement> found = accessor(type, accessor);
        if (found.isPresent() && acceptable.test(found.get().getReturnType())) {
            return new Marked(parameter, accessor);
        }
        reporter.error(parameter, badAccessor, accessor, parameter.getSimpleName(), type, accessor);
        return null;
    }

    private boolean isVerbType(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED && type.getKind() != TypeKind.TYPEVAR) {
            return false;
        }
        TypeMirror charSequence = elements.getTypeElement("java.lang.CharSequence").asType();
        TypeMirror anyEnum = types.erasure(elements.getTypeElement("java.lang.Enum").asType());
        return types.isAssignable(type, charSequence) || types.isAssignable(types.erasure(type), anyEnum);
    }

    private boolean isUuid(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && types.isSameType(type, elements.getTypeElement("java.util.UUID").asType());
    }

    private boolean isCompletionStage(TypeMirror type) {
        TypeMirror stage = types.erasure(elements.getTypeElement("java.util.concurrent.CompletionStage").asType());
        return type.getKind() == TypeKind.DECLARED && types.isAssignable(types.erasure(type), stage);
    }

    /** A public, non-static, no-argument method of the type (declared or inherited) with that name. */
    private Optional<ExecutableElement> accessor(TypeMirror type, String name) {
        if (type.getKind() != TypeKind.DECLARED) {
            return Optional.empty();
        }
        TypeElement element = (TypeElement) types.asElement(type);
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(element))) {
            if (method.getSimpleName().contentEquals(name) && method.getParameters().isEmpty()
                    && method.getModifiers().contains(Modifier.PUBLIC) && !method.getModifiers().contains(Modifier.STATIC)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    private List<VariableElement> parametersMarked(ExecutableElement method, String annotationName) {
        List<VariableElement> marked = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            if (annotation(parameter, annotationName).isPresent()) {
                marked.add(parameter);
            }
        }
        return marked;
    }

    private TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        if (superclass.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) types.asElement(superclass);
        return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
    }

    private boolean samePackage(Element a, Element b) {
        return elements.getPackageOf(a).equals(elements.getPackageOf(b));
    }

    private static boolean isPackagePrivate(ExecutableElement method) {
        Set<Modifier> modifiers = method.getModifiers();
        return !modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.PROTECTED)
                && !modifiers.contains(Modifier.PRIVATE);
    }

    static Optional<? extends AnnotationMirror> annotation(Element element, String name) {
        return element.getAnnotationMirrors().stream()
                .filter(mirror -> ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(name))
                .findFirst();
    }

    /** A String member of an annotation, or "" when absent (its default, for every member we read). */
    private static String stringValue(AnnotationMirror annotation, String member) {
        if (annotation == null) {
            return "";
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return String.valueOf(entry.getValue().getValue());
            }
        }
        return "";
    }

    private static String describe(ExecutableElement method) {
        return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName() + "()";
    }

    private static String kindName(ElementKind kind) {
        return switch (kind) {
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case RECORD -> "a record";
            case ANNOTATION_TYPE -> "an annotation type";
            default -> "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
