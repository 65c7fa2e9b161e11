package news.masthead.operations;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Quotes;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.junit.jupiter.api.Test;

import java.util.List;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.person;
import static news.masthead.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hibernate keeps one plan per query it has seen: repeated reads and writes add none (a native query given a result
 * class added one a call, see NativeQueriesTest). The reads are of pages the read cache keeps, so each round edits the
 * records they show first: every page is computed again.
 */
@QuarkusTest
class QueryPlanCacheTest {

    @Inject
    EntityManagerFactory factory;

    @Test
    void repeatedEditsAndTheReadsTheyRefreshAddNoQueryPlans() {
        String article =
                Articles.article().headline("Plans " + unique()).published().create();
        String speaker = person("Plans Speaker " + unique());
        String quote = Quotes.quote()
                .text("Plans quote")
                .speaker(speaker)
                .article(article)
                .create();
        List<String> urls = List.of(
                "/api/v1/articles/" + article + "/comments",
                "/api/v1/quotes",
                "/api/v1/quotes/" + quote + "?include=speaker,article",
                "/api/v1/people/" + speaker + "/quotes",
                "/api/v1/images",
                "/api/v1/changes");
        Runnable round = () -> {
            String u = unique();
            Articles.edit().headline("Plans " + u).patch(article).then().statusCode(200);
            Quotes.quote().text("Plans quote " + u).patch(quote).then().statusCode(200);
            People.person().name("Plans Speaker " + u).patch(speaker).then().statusCode(200);
            urls.forEach(url -> anonymous().get(url).then().statusCode(200));
            anonymous()
                    .accept("application/ninjs+json")
                    .get("/api/v1/articles/" + article)
                    .then()
                    .statusCode(200);
        };
        round.run(); // the first round makes the plans these routes need
        int plans = plans();

        for (int i = 0; i < 20; i++) {
            round.run();
        }

        assertEquals(plans, plans());
    }

    private int plans() {
        QueryInterpretationCache cache =
                factory.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache();
        return cache.getNumberOfCachedQueryPlans();
    }
}
