package dev.telltale.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shape of the house, checked on the main classes of every module (this module's test class path
 * holds them all): no package cycles, the api at the ground, stores that never import each other, a
 * core and a command line that name no store. A change that breaks one fails the build.
 */
class ArchitectureTest {

    private static final List<String> STORES = List.of("chronicle", "jsonl", "postgres");

    private static JavaClasses main;

    /** Main classes only: no test classes, no test jars, no generated events copy of the examples. */
    private static final class MainClassesOnly implements ImportOption {
        private static final Pattern TESTS = Pattern.compile(".*(/test-classes/|-tests\\.jar|/classes-events/).*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TESTS);
        }
    }

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(new MainClassesOnly()).importPackages("dev.telltale");
    }

    @Test
    void everyModuleIsImported() {
        for (String pkg : List.of(
                "dev.telltale.api",
                "dev.telltale.core",
                "dev.telltale.json",
                "dev.telltale.processor",
                "dev.telltale.store.chronicle",
                "dev.telltale.store.jsonl",
                "dev.telltale.store.postgres",
                "dev.telltale.cli")) {
            org.assertj.core.api.Assertions.assertThat(main.containPackage(pkg))
                    .as("%s is among the imported classes", pkg)
                    .isTrue();
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.telltale.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void theApiDependsOnNothingButTheJdk() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("dev.telltale.api..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("dev.telltale.api..", "java..");
        rule.check(main);
    }

    @Test
    void theJsonFormatDependsOnTheApiAndJacksonOnly() {
        noClasses()
                .that()
                .resideInAPackage("dev.telltale.json..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "dev.telltale.json..", "dev.telltale.api..", "com.fasterxml.jackson.core..", "java..")
                .check(main);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chronicle", "jsonl", "postgres"})
    void aStoreNeverImportsAnotherStoreTheCoreOrTheCommandLine(String store) {
        String[] others = STORES.stream()
                .filter(other -> !other.equals(store))
                .map(other -> "dev.telltale.store." + other + "..")
                .toArray(String[]::new);
        noClasses()
                .that()
                .resideInAPackage("dev.telltale.store." + store + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.telltale.core..", "dev.telltale.cli..", "dev.telltale.processor..")
                .check(main);
    }

    @Test
    void theCoreNamesNoStoreAndNoFormat() {
        noClasses()
                .that()
                .resideInAPackage("dev.telltale.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.telltale.store..", "dev.telltale.json..", "dev.telltale.cli..")
                .check(main);
    }

    @Test
    void theCommandLineNamesNoStoreAndNotTheCore() {
        noClasses()
                .that()
                .resideInAPackage("dev.telltale.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.telltale.store..", "dev.telltale.core..", "dev.telltale.processor..")
                .check(main);
    }

    @Test
    void theProcessorKnowsTheApiByNameOnly() {
        noClasses()
                .that()
                .resideInAPackage("dev.telltale.processor..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.telltale.api..",
                        "dev.telltale.core..",
                        "dev.telltale.store..",
                        "dev.telltale.json..",
                        "dev.telltale.cli..")
                .check(main);
    }
}
