package dev.telltale.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor, and loads what they compiled to. */
final class Compiler {

    private Compiler() {}

    /** Compiles with the processor, in an events build or not, warnings as errors so generated code must be clean. */
    static Compilation compile(boolean events, JavaFileObject... sources) {
        return javac().withProcessors(new InstrumentedProcessor())
                .withOptions("-Atelltale.events=" + events, "-Xlint:all", "-Werror")
                .compile(sources);
    }

    /** A class loader over the compilation's class files, whose parent sees api and core. */
    static ClassLoader load(Compilation compilation) {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String path = file.toUri().getPath();
                String binaryName = path.substring(
                                path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
                                path.length() - ".class".length())
                        .replace('/', '.');
                try (InputStream in = file.openInputStream()) {
                    classes.put(binaryName, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new ClassLoader(Compiler.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }
}
