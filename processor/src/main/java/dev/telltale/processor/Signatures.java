package dev.telltale.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** Whether a class can be read yet: every type its methods and constructors name exists. */
final class Signatures {

    private Signatures() {}

    /**
     * Whether a type named by a method or constructor of {@code type} (declared or inherited:
     * parameters, return, throws), or by its supertypes, is missing: one that a processor generates
     * in this round, such as {@code AutoValue_Cmd}.
     */
    static boolean waitForOtherProcessors(TypeElement type) {
        if (missing(type.getSuperclass())) {
            return true;
        }
        for (TypeMirror supertype : type.getInterfaces()) {
            if (missing(supertype)) {
                return true;
            }
        }
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof ExecutableElement executable && missing(executable)) {
                return true;
            }
        }
        TypeMirror superclass = type.getSuperclass();
        return superclass.getKind() == TypeKind.DECLARED
                && waitForOtherProcessors((TypeElement) ((DeclaredType) superclass).asElement());
    }

    private static boolean missing(ExecutableElement executable) {
        if (missing(executable.getReturnType())) {
            return true;
        }
        for (VariableElement parameter : executable.getParameters()) {
            if (missing(parameter.asType())) {
                return true;
            }
        }
        for (TypeMirror thrown : executable.getThrownTypes()) {
            if (missing(thrown)) {
                return true;
            }
        }
        return false;
    }

    private static boolean missing(TypeMirror type) {
        return switch (type.getKind()) {
            case ERROR -> true;
            case ARRAY -> missing(((ArrayType) type).getComponentType());
            case DECLARED -> ((DeclaredType) type).getTypeArguments().stream().anyMatch(Signatures::missing);
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                yield wildcard.getExtendsBound() != null && missing(wildcard.getExtendsBound())
                        || wildcard.getSuperBound() != null && missing(wildcard.getSuperBound());
            }
            default -> false;
        };
    }
}
