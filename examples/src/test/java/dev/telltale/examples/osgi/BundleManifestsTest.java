package dev.telltale.examples.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every library jar the build makes is an OSGi bundle with a JPMS name: a symbolic name, versioned
 * exports of its public packages and never of an {@code internal} one, version ranges on its imports
 * of Telltale, and a module name: a {@code module-info} where its dependencies allow, an
 * {@code Automatic-Module-Name} elsewhere.
 */
class BundleManifestsTest {

    /**
     * The jars with a {@code module-info}: those whose dependencies are modules too. Core (the OSGi
     * framework API, SLF4J when present), Chronicle, PostgreSQL and the processor stay automatic modules.
     */
    private static final java.util.Set<String> MODULES =
            java.util.Set.of("dev.telltale.api", "dev.telltale.json", "dev.telltale.store.jsonl");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "api.jar,             dev.telltale.api",
        "core.jar,            dev.telltale.core",
        "json.jar,            dev.telltale.json",
        "store.jsonl.jar,     dev.telltale.store.jsonl",
        "store.chronicle.jar, dev.telltale.store.chronicle",
        "store.postgres.jar,  dev.telltale.store.postgres",
        "processor.jar,       dev.telltale.processor"
    })
    void aLibraryJar_isABundleWithAModuleName(String property, String name) throws IOException {
        Path jar = Bundles.built(property);
        assumeTrue(jar != null, property + " is not a packaged jar: this test needs `mvn verify` (or package)");
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();

            assertThat(main.getValue("Bundle-ManifestVersion")).isEqualTo("2");
            assertThat(main.getValue("Bundle-SymbolicName")).isEqualTo(name);
            assertThat(main.getValue("Bundle-Version")).startsWith("0.1.0");
            for (String export : clauses(main.getValue("Export-Package"))) {
                assertThat(export)
                        .as("exported by %s", name)
                        .doesNotContain(".internal")
                        .contains(";version=\"");
                assertThat(export).startsWith(name);
            }
            for (String imported : clauses(main.getValue("Import-Package"))) {
                if (imported.startsWith("dev.telltale.")) {
                    assertThat(imported).as("imported by %s", name).contains(";version=\"[0.1,1)\"");
                }
            }
            if (MODULES.contains(name)) {
                assertThat(file.getEntry("module-info.class"))
                        .as("%s's module-info", name)
                        .isNotNull();
                assertThat(main.getValue("Automatic-Module-Name")).isNull();
            } else {
                assertThat(file.getEntry("module-info.class")).isNull();
                assertThat(main.getValue("Automatic-Module-Name")).isEqualTo(name);
            }
            if (name.equals("dev.telltale.api")) {
                assertThat(main.getValue("Private-Package")).isEqualTo("dev.telltale.api.internal");
            }
        }
    }

    /** The clauses of a manifest header, split at the commas outside quotes. */
    static List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(clause.toString().strip());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        clauses.add(clause.toString().strip());
        return clauses;
    }
}
