package dev.telltale.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.telltale.api.DslEvent;
import dev.telltale.api.ErrorSnapshot;
import dev.telltale.api.EventPayload;
import dev.telltale.core.Events;
import dev.telltale.core.EventsConfig;
import dev.telltale.core.testing.RecordingStore;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Plumbing for the functional tests: compiles executors, creates them through their generated
 * factory and calls them the way user code would, and records what they emit.
 *
 * <p>Registered with {@code @RegisterExtension}, it installs, around each test, a fresh Telltale
 * that writes to a {@link RecordingStore} as the process-wide handle that generated code records
 * to, and afterwards puts back the one it replaced. One stripe, so events keep the order in which
 * they were emitted, whatever thread emitted them.
 */
final class Harness implements BeforeEachCallback, AfterEachCallback {

    private RecordingStore store;
    private Events events;
    private Events previous;

    @Override
    public void beforeEach(ExtensionContext context) {
        store = new RecordingStore();
        events = Events.start(EventsConfig.builder()
                .store(store)
                .stripes(1)
                .shutdownHook(false)
                .build());
        previous = Events.installGlobal(events);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Events.installGlobal(previous != null ? previous : Events.disabled());
        events.close();
    }

    /** Closes the recorder, which drains and flushes everything accepted, and returns every event it recorded. */
    List<DslEvent> events() {
        events.close();
        return store.events();
    }

    /** Events handed to the recorder so far: counted when emitted, not when written. */
    long emitted() {
        return events.stats().emitted();
    }

    /** Installs the runtime off-switch, {@link Events#disabled()}, for the rest of the test. */
    void switchOff() {
        Events.installGlobal(Events.disabled());
    }

    /** Compiles with the processor, asserts a clean compilation, and loads the classes. */
    static ClassLoader compile(boolean events, JavaFileObject... sources) {
        Compilation compilation = Compiler.compile(events, sources);
        assertThat(compilation).succeededWithoutWarnings();
        return Compiler.load(compilation);
    }

    /** An executor from {@code factory}'s {@code create(…)} that takes these arguments; rethrows what it throws. */
    static Object create(ClassLoader loader, String factory, Object... args) throws Throwable {
        return invoke(null, method(load(loader, factory), "create", args), args);
    }

    /** An executor from {@code factory}'s {@code create(…)} with exactly these parameter types; rethrows what it throws. */
    static Object createDeclared(ClassLoader loader, String factory, Class<?>[] parameterTypes, Object... args)
            throws Throwable {
        return invoke(null, declared(load(loader, factory), "create", parameterTypes), args);
    }

    /** {@code target.name(args)}, for a method that the argument types pick out; rethrows what it throws. */
    static Object call(Object target, String name, Object... args) throws Throwable {
        return invoke(target, method(target.getClass(), name, args), args);
    }

    /** {@code target.name(args)}, for the method with exactly these parameter types; rethrows what it throws. */
    static Object callDeclared(Object target, String name, Class<?>[] parameterTypes, Object... args) throws Throwable {
        return invoke(target, declared(target.getClass(), name, parameterTypes), args);
    }

    static Class<?> load(ClassLoader loader, String name) {
        try {
            return loader.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("not compiled: " + name, e);
        }
    }

    /** The {@code create} methods of a factory class, static ones only. */
    static List<Method> createMethods(Class<?> factory) {
        List<Method> creates = new ArrayList<>();
        for (Method method : factory.getDeclaredMethods()) {
            if (method.getName().equals("create") && Modifier.isStatic(method.getModifiers())) {
                creates.add(method);
            }
        }
        return creates;
    }

    /** Asserts {@code event} is a {@code CommandSucceeded} with this verb and session. */
    static void assertSucceeded(DslEvent event, String verb, UUID sessionId) {
        assertThat(event.sessionId()).as("session of %s", event).isEqualTo(sessionId);
        assertThat(event.payload()).isInstanceOfSatisfying(EventPayload.CommandSucceeded.class, succeeded -> {
            assertThat(succeeded.verb()).isEqualTo(verb);
            assertThat(succeeded.durationNanos()).isNotNegative();
        });
    }

    /** Asserts {@code event} is a {@code CommandFailed} with this verb and session, whose snapshot is of {@code thrown}. */
    static void assertFailed(DslEvent event, String verb, UUID sessionId, Throwable thrown) {
        assertThat(event.sessionId()).as("session of %s", event).isEqualTo(sessionId);
        assertThat(event.payload()).isInstanceOfSatisfying(EventPayload.CommandFailed.class, failed -> {
            assertThat(failed.verb()).isEqualTo(verb);
            assertThat(failed.durationNanos()).isNotNegative();
            ErrorSnapshot error = failed.error();
            assertThat(error.errorType()).isEqualTo(thrown.getClass().getName());
            assertThat(error.message()).isEqualTo(thrown.getMessage());
            assertThat(error.verb()).isEqualTo(verb);
        });
    }

    private static Object invoke(Object target, Method method, Object... args) throws Throwable {
        method.setAccessible(true);
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The one method of {@code type} or its superclasses with that name that accepts {@code args}. */
    private static Method method(Class<?> type, String name, Object... args) {
        Map<String, Method> candidates = new LinkedHashMap<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(name) && !method.isBridge() && accepts(method.getParameterTypes(), args)) {
                    // An override, met first, hides what it overrides.
                    candidates.putIfAbsent(Arrays.toString(method.getParameterTypes()), method);
                }
            }
        }
        if (candidates.size() != 1) {
            throw new IllegalArgumentException(candidates.size() + " methods " + type.getName() + "." + name
                    + " accept " + Arrays.toString(args) + "; give the parameter types: " + candidates.keySet());
        }
        return candidates.values().iterator().next();
    }

    private static Method declared(Class<?> type, String name, Class<?>[] parameterTypes) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(name, parameterTypes);
            } catch (NoSuchMethodException e) {
                // look in the superclass
            }
        }
        throw new IllegalArgumentException(
                "no method " + type.getName() + "." + name + Arrays.toString(parameterTypes));
    }

    private static boolean accepts(Class<?>[] parameters, Object[] args) {
        if (parameters.length != args.length) {
            return false;
        }
        for (int i = 0; i < args.length; i++) {
            Class<?> parameter = wrap(parameters[i]);
            if (args[i] == null ? parameters[i].isPrimitive() : !parameter.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> wrap(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return MethodType.methodType(type).wrap().returnType();
    }
}
