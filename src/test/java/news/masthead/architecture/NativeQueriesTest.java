package news.masthead.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Hibernate's plan-cache key for a native query given a result class never equals the one of the call before, so every
 * such call adds a plan, all under one hash: each lookup then compares itself with up to the whole cache (a fifth of
 * an article's comment list's CPU under 64 callers). Without a class the driver's own Java types come back (a uuid
 * column a {@link java.util.UUID}) and one plan serves every call (QueryPlanCacheTest shows it through the API).
 */
class NativeQueriesTest {

    @Test
    @DisplayName("no native query is given a result class")
    void noNativeQueryIsGivenAResultClass() {
        noClasses()
                .should()
                .callMethod(EntityManager.class, "createNativeQuery", String.class, Class.class)
                .because("each such call adds a query plan that no later call finds")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("news.masthead"));
    }
}
