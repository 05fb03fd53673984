package dev.telltale.examples.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.telltale.examples.DslCommand;
import dev.telltale.examples.DslExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Telltale inside a real OSGi framework (Apache Felix), from the bundles this build made: an
 * events-built executor bundle records into a JSON Lines file through telltale-core and
 * telltale-store-jsonl; stopping core or the store stops recording without failing a command, and
 * starting it again resumes it; no thread and no class loader of core outlives it. The plain build's
 * executor runs with telltale-api alone.
 */
class FelixTest {

    private static final List<String> SCRIPT = List.of(
            "cbu.create name=Acme",
            "cbu.get id=cbu-1",
            "cbu.get id=cbu-404",
            "cbu.rename id=cbu-1 name=Acme2",
            "cbu.list",
            "no.such.verb");

    @TempDir
    Path dir;

    private Framework framework;
    private Path events;
    private final Map<String, String> savedProperties = new HashMap<>();

    @BeforeEach
    void configureTelltale() {
        events = dir.resolve("events.jsonl");
        setProperty("telltale.store", "jsonl");
        setProperty("telltale.store.path", events.toString());
        setProperty("telltale.flush-interval", "20ms");
    }

    @AfterEach
    void stopFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(30_000);
        }
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    private void setProperty(String name, String value) {
        savedProperties.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }

    private static Path requireBuilt(String property) {
        Path jar = Bundles.built(property);
        assumeTrue(
                jar != null, property + " is not a packaged jar: the framework test needs `mvn verify` (or package)");
        return jar;
    }

    private Framework startFramework() throws BundleException {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, dir.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        framework = new FrameworkFactory().newFramework(config);
        framework.start();
        return framework;
    }

    private Bundle install(Path jar) throws Exception {
        try (InputStream in = Files.newInputStream(jar)) {
            return framework.getBundleContext().installBundle(jar.toUri().toString(), in);
        }
    }

    /** The DSL executor inside the framework, driven by reflection as another bundle's code would call it. */
    private static final class Executor {
        private final Object executor;
        private final Method execute;
        private final Method parse;

        Executor(Bundle bundle) throws Exception {
            executor = bundle.loadClass("dev.telltale.examples.DslExecutorFactory")
                    .getMethod("create")
                    .invoke(null);
            Class<?> command = bundle.loadClass("dev.telltale.examples.DslCommand");
            parse = command.getMethod("parse", String.class);
            execute = bundle.loadClass("dev.telltale.examples.DslExecutor").getMethod("execute", command);
        }

        /** What the command returned, or the type and message of what it threw. */
        String run(String line) throws Exception {
            try {
                return String.valueOf(execute.invoke(executor, parse.invoke(null, line)));
            } catch (InvocationTargetException thrown) {
                return "threw " + thrown.getCause().getClass().getSimpleName() + ": "
                        + thrown.getCause().getMessage();
            }
        }

        List<String> runScript() throws Exception {
            List<String> results = new ArrayList<>();
            for (String line : SCRIPT) {
                results.add(run(line));
            }
            return results;
        }
    }

    /** What a plain executor outside the framework answers to the script, from a fresh start. */
    private static List<String> expected() {
        DslExecutor plain = new DslExecutor();
        List<String> results = new ArrayList<>();
        for (String line : SCRIPT) {
            try {
                results.add(plain.execute(DslCommand.parse(line)));
            } catch (RuntimeException thrown) {
                results.add("threw " + thrown.getClass().getSimpleName() + ": " + thrown.getMessage());
            }
        }
        return results;
    }

    private static Set<String> telltaleThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("telltale"))
                .collect(Collectors.toSet());
    }

    /** The api bundle's view of recording: its runtime's health, as text. */
    private static String health(Bundle api) throws Exception {
        Object runtime = api.loadClass("dev.telltale.api.EventRuntime")
                .getMethod("current")
                .invoke(null);
        Method health = api.loadClass("dev.telltale.api.EventRuntime").getMethod("health");
        return String.valueOf(health.invoke(runtime));
    }

    private long recordedCommands() throws IOException {
        if (!Files.exists(events)) {
            return 0;
        }
        try (var lines = Files.lines(events)) {
            return lines.filter(line -> line.contains("\"type\":\"command_")).count();
        }
    }

    @Test
    void anEventsBuiltBundle_records_andStoppingCoreOrTheStoreStopsRecordingWithoutFailingACommand() throws Exception {
        Path api = requireBuilt("api.jar");
        Path core = requireBuilt("core.jar");
        Path json = requireBuilt("json.jar");
        Path store = requireBuilt("store.jsonl.jar");
        Path jackson = requireBuilt("jackson.core.jar");
        Path executorJar =
                Bundles.executor(Path.of(System.getProperty("events.classes")), "dev.telltale.examples.events", dir);
        Set<String> threadsBefore = telltaleThreads();
        List<String> expected = expected();

        startFramework();
        Bundle apiBundle = install(api);
        List<Bundle> bundles = List.of(
                apiBundle, install(jackson), install(json), install(store), install(core), install(executorJar));
        for (Bundle bundle : bundles) {
            bundle.start();
        }
        Bundle storeBundle = bundles.get(3);
        Bundle coreBundle = bundles.get(4);
        Bundle executorBundle = bundles.get(5);

        Executor first = new Executor(executorBundle);
        assertThat(first.runScript())
                .as("recorded: every command returns its own result")
                .isEqualTo(expected);
        assertThat(health(apiBundle)).contains("HEALTHY");

        coreBundle.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> threadsBefore.containsAll(telltaleThreads()));
        assertThat(recordedCommands())
                .as("what core accepted is in the file when it has stopped")
                .isEqualTo(6);
        assertThat(new Executor(executorBundle).runScript()).as("core stopped").isEqualTo(expected);
        assertThat(health(apiBundle)).contains("the telltale-core bundle is not started");

        coreBundle.start();
        assertThat(new Executor(executorBundle).runScript())
                .as("core started again")
                .isEqualTo(expected);

        storeBundle.stop();
        assertThat(recordedCommands()).as("the store flushed before it went").isEqualTo(12);
        assertThat(new Executor(executorBundle).runScript()).as("store stopped").isEqualTo(expected);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(health(apiBundle)).contains("DEGRADED").contains("jsonl"));

        storeBundle.start();
        assertThat(new Executor(executorBundle).runScript())
                .as("store started again")
                .isEqualTo(expected);
        coreBundle.stop();

        assertThat(recordedCommands())
                .as("recorded: every command run while core and the store were active, nothing else")
                .isEqualTo(18);
        await().atMost(Duration.ofSeconds(10)).until(() -> threadsBefore.containsAll(telltaleThreads()));
    }

    @Test
    void restartingCore20Times_thenUninstallingIt_leavesNoClassLoaderOfItBehind() throws Exception {
        Path core = requireBuilt("core.jar");
        Path executorJar =
                Bundles.executor(Path.of(System.getProperty("events.classes")), "dev.telltale.examples.events", dir);
        startFramework();
        List<Bundle> bundles = List.of(
                install(requireBuilt("api.jar")),
                install(requireBuilt("jackson.core.jar")),
                install(requireBuilt("json.jar")),
                install(requireBuilt("store.jsonl.jar")),
                install(core),
                install(executorJar));
        for (Bundle bundle : bundles) {
            bundle.start();
        }
        Bundle coreBundle = bundles.get(4);
        ClassLoader apiLoader = bundles.get(0).adapt(BundleWiring.class).getClassLoader();
        FrameworkWiring wiring = framework.adapt(FrameworkWiring.class);
        List<WeakReference<ClassLoader>> oldLoaders = new ArrayList<>();
        int commands = 0;
        for (int restart = 0; restart < 20; restart++) {
            assertThat(new Executor(bundles.get(5)).run("cbu.create name=R" + restart))
                    .startsWith("cbu-");
            commands++;
            oldLoaders.add(
                    new WeakReference<>(coreBundle.adapt(BundleWiring.class).getClassLoader()));
            coreBundle.stop();
            try (InputStream in = Files.newInputStream(core)) {
                coreBundle.update(in);
            }
            refresh(wiring, coreBundle);
            coreBundle.start();
        }
        // The last one too: uninstalled, nothing may keep it.
        oldLoaders.add(new WeakReference<>(coreBundle.adapt(BundleWiring.class).getClassLoader()));
        coreBundle.uninstall();
        refresh(wiring, coreBundle);
        assertThat(recordedCommands()).isEqualTo(commands);
        assertThat(bundles.get(0).adapt(BundleWiring.class).getClassLoader())
                .as("refreshing core refreshes no bundle it does not depend on: the api is the same")
                .isSameAs(apiLoader);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            System.gc();
            assertThat(oldLoaders.stream().filter(loader -> loader.get() != null))
                    .as("class loaders of core's 21 revisions still reachable")
                    .isEmpty();
        });
        assertThat(health(bundles.get(0))).contains("the telltale-core bundle is not started");
    }

    private static void refresh(FrameworkWiring wiring, Bundle bundle) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        assertThat(refreshed.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void thePlainBuildsBundle_runsWithTheApiAlone() throws Exception {
        Path plainJar =
                Bundles.executor(Path.of(System.getProperty("plain.classes")), "dev.telltale.examples.plain", dir);
        startFramework();
        Bundle api = install(requireBuilt("api.jar"));
        Bundle executor = install(plainJar);
        api.start();
        executor.start();

        assertThat(new Executor(executor).runScript()).isEqualTo(expected());
        assertThat(health(api)).contains("DISABLED").contains("the telltale-core bundle is not started");
        assertThat(events).doesNotExist();
    }
}
