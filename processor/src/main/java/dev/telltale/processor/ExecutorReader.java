package dev.telltale.processor;

import dev.telltale.processor.ExecutorModel.CommandModel;
import dev.telltale.processor.ExecutorModel.SessionArg;
import dev.telltale.processor.ExecutorModel.VerbSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
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

    /**
     * The commands, by the rule docs/instrumenting.md states ("The rules"): a method of the class (declared or inherited) is a
     * command when it, or a method it overrides or implements (in a superclass or any superinterface),
     * carries {@code @Command}. {@code @Command} and its parameters' {@code @Verb}/{@code @SessionId}
     * are read from one declaration, the nearest: the method itself, else up the superclass chain,
     * else the interfaces; interfaces that disagree on the verb are an error (TT019). A
     * {@code @Command} that no member of the class can carry (static, private) is an error too.
     */
    private List<CommandModel> commands(TypeElement type) {
        Set<ExecutableElement> marked = new LinkedHashSet<>();
        for (TypeElement supertype : supertypes(type)) {
            for (ExecutableElement method : ElementFilter.methodsIn(supertype.getEnclosedElements())) {
                if (annotation(method, Names.COMMAND).isPresent()) {
                    marked.add(method);
                }
            }
        }
        List<ExecutableElement> members = ElementFilter.methodsIn(elements.getAllMembers(type));
        Map<ExecutableElement, List<ExecutableElement>> declarations = new LinkedHashMap<>();
        for (ExecutableElement declaration : marked) {
            ExecutableElement member = implementation(type, members, declaration);
            if (member == null) {
                notInherited(type, declaration);
            } else {
                declarations.computeIfAbsent(member, key -> new ArrayList<>()).add(declaration);
            }
        }
        List<CommandModel> commands = new ArrayList<>();
        declarations.forEach((member, annotated) -> nearest(type, member, annotated)
                .flatMap(declaration -> command(type, member, declaration))
                .ifPresent(commands::add));
        if (marked.isEmpty()) {
            reporter.error(type, Problem.NO_COMMANDS, type.getSimpleName());
        }
        return commands;
    }

    /** The class, its superclasses (nearest first), then every superinterface (breadth first). */
    private List<TypeElement> supertypes(TypeElement type) {
        Set<TypeElement> ordered = new LinkedHashSet<>();
        for (TypeElement current = type; current != null; current = superclass(current)) {
            ordered.add(current);
        }
        java.util.Deque<TypeElement> interfaces = new java.util.ArrayDeque<>();
        for (TypeElement current : List.copyOf(ordered)) {
            current.getInterfaces().forEach(mirror -> interfaces.add((TypeElement) types.asElement(mirror)));
        }
        while (!interfaces.isEmpty()) {
            TypeElement next = interfaces.poll();
            if (ordered.add(next)) {
                next.getInterfaces().forEach(mirror -> interfaces.add((TypeElement) types.asElement(mirror)));
            }
        }
        return List.copyOf(ordered);
    }

    /** The member of the class that is, overrides or implements {@code declaration}; {@code null} if none. */
    private ExecutableElement implementation(
            TypeElement type, List<ExecutableElement> members, ExecutableElement declaration) {
        ExecutableElement found = null;
        for (ExecutableElement member : members) {
            if (member.equals(declaration)) {
                found = found == null ? member : found;
            } else if (elements.overrides(member, declaration, type)
                    && (found == null
                            || found.equals(declaration)
                            || found.getModifiers().contains(Modifier.ABSTRACT))) {
                found = member;
            }
        }
        return found;
    }

    /** A {@code @Command} on a method the class does not inherit: say why it is not recorded. */
    private void notInherited(TypeElement type, ExecutableElement declaration) {
        Set<Modifier> modifiers = declaration.getModifiers();
        String name = describe(declaration);
        if (modifiers.contains(Modifier.STATIC)) {
            reporter.error(declaration, Problem.STATIC_METHOD, name);
        } else if (modifiers.contains(Modifier.PRIVATE)) {
            reporter.error(declaration, Problem.PRIVATE_METHOD, name);
        } else if (isPackagePrivate(declaration) && !samePackage(declaration.getEnclosingElement(), type)) {
            reporter.error(declaration, Problem.HIDDEN_METHOD, name, type.getSimpleName() + Names.SUBCLASS_SUFFIX);
        } else {
            reporter.error(declaration, Problem.NOT_INHERITED, name);
        }
    }

    /**
     * Of the declarations carrying {@code @Command} that {@code member} is or overrides, the one to
     * read: the nearest in the superclass chain, else the only verb the interfaces agree on.
     */
    private Optional<ExecutableElement> nearest(
            TypeElement type, ExecutableElement member, List<ExecutableElement> annotated) {
        ExecutableElement first = annotated.get(0);
        if (first.getEnclosingElement().getKind() != ElementKind.INTERFACE) {
            return Optional.of(first);
        }
        Set<String> verbs = new LinkedHashSet<>();
        for (ExecutableElement declaration : annotated) {
            verbs.add(stringValue(annotation(declaration, Names.COMMAND).orElse(null), "verb"));
        }
        if (verbs.size() > 1) {
            Element at = member.getEnclosingElement().equals(type) ? member : type;
            reporter.error(
                    at,
                    Problem.CONFLICTING_COMMANDS,
                    describe(member),
                    annotated.stream().map(ExecutorReader::describe).collect(java.util.stream.Collectors.joining(", ")),
                    String.join("\", \"", verbs));
            return Optional.empty();
        }
        return Optional.of(first);
    }

    private Optional<CommandModel> command(TypeElement type, ExecutableElement method, ExecutableElement declaration) {
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
        VerbSource verb = verbSource(method, declaration);
        SessionArg session = sessionArg(method, declaration);
        if (!ok || verb == null || session == null) {
            return Optional.empty();
        }
        return Optional.of(new CommandModel(method, verb, session, isCompletionStage(method.getReturnType())));
    }

    private VerbSource verbSource(ExecutableElement method, ExecutableElement declaration) {
        List<MarkedParameter> marked = parametersMarked(method, declaration, Names.VERB);
        if (marked.size() > 1) {
            reporter.error(method, Problem.TWO_VERBS, describe(method));
            return null;
        }
        if (marked.size() == 1) {
            Marked argument = checkMarked(
                    marked.get(0), Names.VERB, this::isVerbType, Problem.BAD_VERB_TYPE, Problem.BAD_VERB_ACCESSOR);
            return argument == null
                    ? null
                    : new VerbSource.Argument(
                            argument.parameter(), argument.accessor(), isEnumAndText(argument.valueType()));
        }
        AnnotationMirror command = annotation(declaration, Names.COMMAND).orElse(null);
        String constant = stringValue(command, "verb");
        if (!constant.isEmpty() && constant.isBlank()) {
            reporter.error(declaration, command, value(command, "verb"), Problem.BLANK_VERB, constant);
            return null;
        }
        return new VerbSource.Constant(
                constant.isEmpty() ? method.getSimpleName().toString() : constant.trim());
    }

    private SessionArg sessionArg(ExecutableElement method, ExecutableElement declaration) {
        List<MarkedParameter> marked = parametersMarked(method, declaration, Names.SESSION_ID);
        if (marked.size() > 1) {
            reporter.error(method, Problem.TWO_SESSIONS, describe(method));
            return null;
        }
        if (marked.isEmpty()) {
            return new SessionArg.Current();
        }
        Marked argument = checkMarked(
                marked.get(0), Names.SESSION_ID, this::isUuid, Problem.BAD_SESSION_TYPE, Problem.BAD_SESSION_ACCESSOR);
        return argument == null ? null : new SessionArg.Argument(argument.parameter(), argument.accessor());
    }

    /**
     * A parameter marked {@code @Verb} or {@code @SessionId} (the command's own parameter at the
     * marked one's place), its accessor ({@code null}: the argument itself), and the value's type.
     */
    private record Marked(VariableElement parameter, String accessor, TypeMirror valueType) {}

    /**
     * Checks a marked parameter: without an accessor its own type, with one the accessor's return
     * type, must be {@code acceptable}. Reports the problem and returns {@code null} when not.
     */
    private Marked checkMarked(
            MarkedParameter marked,
            String annotationName,
            Predicate<TypeMirror> acceptable,
            Problem badType,
            Problem badAccessor) {
        VariableElement parameter = marked.parameter();
        AnnotationMirror annotation =
                annotation(marked.declared(), annotationName).orElseThrow();
        String accessor = stringValue(annotation, "value");
        TypeMirror type = parameter.asType();
        if (accessor.isEmpty()) {
            if (acceptable.test(type)) {
                return new Marked(parameter, null, type);
            }
            reporter.error(marked.declared(), annotation, null, badType, parameter.getSimpleName(), type);
            return null;
        }
        Optional<ExecutableElement> found = accessor(type, accessor);
        if (found.isPresent() && acceptable.test(found.get().getReturnType())) {
            return new Marked(parameter, accessor, found.get().getReturnType());
        }
        reporter.error(
                marked.declared(),
                annotation,
                value(annotation, "value"),
                badAccessor,
                accessor,
                parameter.getSimpleName(),
                type,
                accessor);
        return null;
    }

    private boolean isVerbType(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED && type.getKind() != TypeKind.TYPEVAR) {
            return false;
        }
        TypeMirror charSequence =
                elements.getTypeElement("java.lang.CharSequence").asType();
        TypeMirror anyEnum =
                types.erasure(elements.getTypeElement("java.lang.Enum").asType());
        return types.isAssignable(type, charSequence) || types.isAssignable(types.erasure(type), anyEnum);
    }

    private boolean isUuid(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && types.isSameType(
                        type, elements.getTypeElement("java.util.UUID").asType());
    }

    private boolean isCompletionStage(TypeMirror type) {
        TypeMirror stage = types.erasure(
                elements.getTypeElement("java.util.concurrent.CompletionStage").asType());
        return type.getKind() == TypeKind.DECLARED && types.isAssignable(types.erasure(type), stage);
    }

    /**
     * A public, non-static, no-argument method of the type (declared or inherited) with that name; of a
     * type variable, its bound's; of an intersection ({@code <C extends Base & Cmd>}), the first bound's
     * that has one.
     */
    private Optional<ExecutableElement> accessor(TypeMirror type, String name) {
        if (type.getKind() == TypeKind.TYPEVAR) {
            return accessor(((TypeVariable) type).getUpperBound(), name);
        }
        if (type.getKind() == TypeKind.INTERSECTION) {
            for (TypeMirror bound : ((IntersectionType) type).getBounds()) {
                Optional<ExecutableElement> found = accessor(bound, name);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return Optional.empty();
        }
        TypeElement element = (TypeElement) types.asElement(type);
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(element))) {
            if (method.getSimpleName().contentEquals(name)
                    && method.getParameters().isEmpty()
                    && method.getModifiers().contains(Modifier.PUBLIC)
                    && !method.getModifiers().contains(Modifier.STATIC)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    /** A parameter of the command, and the parameter at its place in the declaration that marks it. */
    private record MarkedParameter(VariableElement parameter, VariableElement declared) {}

    /** The command's parameters that {@code declaration} (the command or a method it overrides) marks. */
    private List<MarkedParameter> parametersMarked(
            ExecutableElement method, ExecutableElement declaration, String annotationName) {
        List<MarkedParameter> marked = new ArrayList<>();
        List<? extends VariableElement> declared = declaration.getParameters();
        for (int i = 0; i < declared.size(); i++) {
            if (annotation(declared.get(i), annotationName).isPresent()) {
                marked.add(new MarkedParameter(method.getParameters().get(i), declared.get(i)));
            }
        }
        return marked;
    }

    /**
     * An enum that is also a CharSequence: both of {@code Capture.verb}'s overloads apply, so the
     * generated call casts to {@code Enum<?>} (an enum is recorded by its name).
     */
    private boolean isEnumAndText(TypeMirror type) {
        TypeMirror anyEnum =
                types.erasure(elements.getTypeElement("java.lang.Enum").asType());
        TypeMirror charSequence =
                elements.getTypeElement("java.lang.CharSequence").asType();
        return (type.getKind() == TypeKind.DECLARED || type.getKind() == TypeKind.TYPEVAR)
                && types.isAssignable(types.erasure(type), anyEnum)
                && types.isAssignable(type, charSequence);
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
        return !modifiers.contains(Modifier.PUBLIC)
                && !modifiers.contains(Modifier.PROTECTED)
                && !modifiers.contains(Modifier.PRIVATE);
    }

    static Optional<? extends AnnotationMirror> annotation(Element element, String name) {
        return element.getAnnotationMirrors().stream()
                .filter(mirror -> ((TypeElement) mirror.getAnnotationType().asElement())
                        .getQualifiedName()
                        .contentEquals(name))
                .findFirst();
    }

    /** The value of an annotation's member as written, or {@code null} when it is not written. */
    private static AnnotationValue value(AnnotationMirror annotation, String member) {
        if (annotation == null) {
            return null;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** A String member of an annotation, or "" when absent (its default, for every member we read). */
    private static String stringValue(AnnotationMirror annotation, String member) {
        AnnotationValue value = value(annotation, member);
        return value == null ? "" : String.valueOf(value.getValue());
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
