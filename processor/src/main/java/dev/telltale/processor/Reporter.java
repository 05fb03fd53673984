package dev.telltale.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Reports {@link Problem}s as compile errors on the element at fault, and remembers whether any was. */
final class Reporter {

    private final Messager messager;
    private boolean failed;

    Reporter(Messager messager) {
        this.messager = messager;
    }

    /** An error on {@code element} (or on no element, when {@code null}). */
    void error(Element element, Problem problem, Object... args) {
        failed = true;
        messager.printMessage(Diagnostic.Kind.ERROR, problem.format(args), element);
    }

    /**
     * An error on an annotation of {@code element}, and on one of its values when {@code value} is
     * not {@code null}: the compiler points at the annotation or value at fault.
     */
    void error(Element element, AnnotationMirror annotation, AnnotationValue value, Problem problem, Object... args) {
        failed = true;
        messager.printMessage(Diagnostic.Kind.ERROR, problem.format(args), element, annotation, value);
    }

    /** An exception inside the processor, as an error with its stack trace, on the element being processed. */
    void crashed(Element element, Throwable thrown) {
        error(element, Problem.PROCESSOR_FAILED, element, stackTrace(thrown));
    }

    /** The throwable, its frames and its causes', as text for the diagnostic (nothing is printed). */
    static String stackTrace(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        String prefix = "";
        for (Throwable current = thrown;
                current != null;
                current = current.getCause() == current ? null : current.getCause()) {
            text.append(prefix).append(current).append(System.lineSeparator());
            for (StackTraceElement frame : current.getStackTrace()) {
                text.append("\tat ").append(frame).append(System.lineSeparator());
            }
            prefix = "Caused by: ";
        }
        return text.toString();
    }

    /** Whether any error was reported since the last {@link #reset()}. */
    boolean failed() {
        return failed;
    }

    void reset() {
        failed = false;
    }
}
