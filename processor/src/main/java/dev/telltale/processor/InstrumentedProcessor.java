package dev.telltale.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Generates, for every {@code @Instrumented} class, its factory and, when the option
 * {@code -Atelltale.events=true} is given (the {@code events} Maven profile), its emitting
 * subclass. Misuse is a compile error on the element at fault ({@link Problem}); an exception in
 * the processor itself becomes an error with its stack trace, never a crashed compiler.
 *
 * <p>Isolating, for Gradle's incremental processing: each generated file depends only on its
 * annotated class and that class's supertypes, and names it as its originating element.
 */
@AutoService(Processor.class)
public final class InstrumentedProcessor extends AbstractProcessor {

    private boolean badOptionReported;
    /** Executors put off to a later round, by qualified name (elements do not outlive a round). */
    private final Set<String> deferred = new LinkedHashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        // All of Telltale's annotations, and the @Generated it puts on its own output, so that
        // -Xlint:processing finds none of them unclaimed and -Xlint:all stays silent.
        return Set.of(Names.INSTRUMENTED, Names.COMMAND, Names.VERB, Names.SESSION_ID, Names.GENERATED);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(Names.EVENTS_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Reporter reporter = new Reporter(processingEnv.getMessager());
        Optional<Boolean> events = eventsOption(reporter);
        TypeElement instrumented = processingEnv.getElementUtils().getTypeElement(Names.INSTRUMENTED);
        if (events.isEmpty() || instrumented == null) {
            return true;
        }
        ExecutorReader reader =
                new ExecutorReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), reporter);
        Set<Element> elements = new LinkedHashSet<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                elements.add(type);
            }
        }
        deferred.clear();
        elements.addAll(round.getElementsAnnotatedWith(instrumented));
        for (Element element : elements) {
            try {
                if (element instanceof TypeElement type && Signatures.waitForOtherProcessors(type)) {
                    // A type its signatures name does not exist yet: another processor (AutoValue, Dagger,
                    // ...) generates it this round. Read the class in the next round, as google/auto does.
                    // In the last round javac reports the type that never came.
                    if (!round.processingOver()) {
                        deferred.add(type.getQualifiedName().toString());
                    }
                    continue;
                }
                reader.read(element).ifPresent(model -> generate(model, events.get()));
            } catch (Throwable thrown) {
                reporter.crashed(element, thrown);
            }
        }
        return true;
    }

    private void generate(ExecutorModel model, boolean events) {
        write(new FactoryWriter(processingEnv.getElementUtils()).write(model, events));
        if (events) {
            write(new SubclassWriter(processingEnv.getTypeUtils(), processingEnv.getElementUtils()).write(model));
        }
    }

    private void write(JavaFile file) {
        try {
            file.writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(
                    "cannot write " + file.packageName() + "." + file.typeSpec().name(), e);
        }
    }

    private Optional<Boolean> eventsOption(Reporter reporter) {
        String value = processingEnv.getOptions().get(Names.EVENTS_OPTION);
        if (value == null || value.equalsIgnoreCase("false")) {
            return Optional.of(false);
        }
        if (value.equalsIgnoreCase("true")) {
            return Optional.of(true);
        }
        if (!badOptionReported) {
            badOptionReported = true;
            reporter.error(null, Problem.BAD_OPTION, Names.EVENTS_OPTION, value);
        }
        return Optional.empty();
    }
}
