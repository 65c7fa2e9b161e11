package news.masthead.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of the code, bottom up: the kernel (and the embedded database beside it) knows no feature;
 * each feature knows the kernel and only the features of the levels below its own; demo sits on top.
 */
class LayersTest {

    /** The feature packages by level, lowest first; a feature may import only features of lower levels. */
    static final List<List<String>> FEATURES = List.of(
            List.of("tokens", "people", "places"),
            List.of("images"),
            List.of("articles"),
            List.of("quotes"),
            List.of("comments"),
            List.of("feeds", "changes"),
            List.of("webhooks"),
            List.of("demo"));

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("news.masthead");
    }

    @Test
    @DisplayName("the kernel imports no feature, no demo and not the embedded database")
    void kernelImportsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("news.masthead.kernel..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages(all(), "embedded"))
                .check(classes);
    }

    @Test
    @DisplayName("the embedded database imports nothing of the application but the kernel")
    void embeddedImportsOnlyTheKernel() {
        noClasses()
                .that()
                .resideInAPackage("news.masthead.embedded..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages(all()))
                .check(classes);
    }

    @Test
    @DisplayName(
            "a feature imports only features of lower levels: tokens, people, places < images < articles < quotes < comments"
                    + " < feeds, changes < webhooks < demo")
    void featuresImportOnlyLowerLevels() {
        for (int level = 0; level < FEATURES.size(); level++) {
            for (String feature : FEATURES.get(level)) {
                List<String> forbidden = new ArrayList<>();
                FEATURES.subList(level, FEATURES.size()).forEach(forbidden::addAll);
                forbidden.remove(feature);
                if (forbidden.isEmpty()) {
                    continue;
                }
                ArchRule rule = noClasses()
                        .that()
                        .resideInAPackage("news.masthead." + feature + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(packages(forbidden))
                        .as(feature + " imports none of " + forbidden);
                rule.check(classes);
            }
        }
    }

    @Test
    @DisplayName("every class lives in the kernel, the embedded database or a feature of a known level")
    void everyPackageHasALevel() {
        classes()
                .that()
                .resideInAPackage("news.masthead.*..")
                .should()
                .resideInAnyPackage(packages(all(), "kernel", "embedded"))
                .check(classes);
    }

    @Test
    @DisplayName("no cycle between the top-level packages (kernel, embedded and each feature)")
    void noCycles() {
        slices().matching("news.masthead.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    @DisplayName("resources speak DTOs: no resource class uses an @Entity")
    void resourcesUseNoEntity() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(Entity.class)
                .check(classes);
    }

    private static List<String> all() {
        List<String> all = new ArrayList<>();
        FEATURES.forEach(all::addAll);
        return all;
    }

    private static String[] packages(List<String> names, String... more) {
        List<String> all = new ArrayList<>(names);
        all.addAll(List.of(more));
        return all.stream().map(n -> "news.masthead." + n + "..").toArray(String[]::new);
    }
}
