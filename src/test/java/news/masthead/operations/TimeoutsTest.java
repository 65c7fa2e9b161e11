package news.masthead.operations;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.People;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.problem;
import static news.masthead.Api.read;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request's statements are cut after cms.db.statement-timeout (2 s): whatever keeps a query running (here, a lock a
 * test connection holds) ends as 503 with Retry-After, and a write cut half-way leaves nothing behind. The shared
 * data-version read is bounded the same way, and its callers wait at most cms.db.version-wait (3 s).
 */
@QuarkusTest
class TimeoutsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReadKeptWaitingPastTheStatementTimeoutAnswers503() throws Exception {
        String person = People.person().name("Timeout Reader " + unique()).create();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("lock table people in access exclusive mode");
            long start = System.nanoTime();
            Response r = anonymous().get("/api/v1/people/" + person);
            long ms = (System.nanoTime() - start) / 1_000_000;
            c.rollback();
            problem(r, 503)
                    .header("Retry-After", "2")
                    .body("detail", equalTo("The query took longer than the service allows; retry later."));
            assertTrue(ms >= 1900 && ms < 10_000, "answered after " + ms + " ms");
        }
        anonymous().get("/api/v1/people/" + person).then().statusCode(200);
    }

    @Test
    void aDataVersionReadThatCannotFinishAnswers503WithinTheWait() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("lock table changes in access exclusive mode"); // the version read is a max(seq) of changes
            long start = System.nanoTime();
            Response r = anonymous().get("/api/v1/articles?limit=1");
            long ms = (System.nanoTime() - start) / 1_000_000;
            c.rollback();
            problem(r, 503).header("Retry-After", notNullValue());
            assertTrue(ms >= 1900 && ms < 10_000, "answered after " + ms + " ms");
        }
        anonymous().get("/api/v1/articles?limit=1").then().statusCode(200);
    }

    @Test
    void aWriteCutByTheStatementTimeoutIsNotHalfApplied() throws Exception {
        String person = People.person().name("Timeout Person " + unique()).create();
        String article =
                Articles.article().headline("Before the timeout " + unique()).create();
        String headline = read("articles", article).path("headline");
        int version = read("articles", article).path("version");
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // The article's row is updated first; linking the person then waits for this lock (the foreign key check).
            s.execute("select 1 from people where id = '" + UUID.fromString(person) + "' for update");
            Response r = Articles.edit()
                    .headline("After the timeout")
                    .personIds(person)
                    .patch(article);
            c.rollback();
            problem(r, 503).header("Retry-After", "2");
        }
        read("articles", article)
                .response()
                .then()
                .body("headline", equalTo(headline))
                .body("version", equalTo(version))
                .body("personIds", empty());
        Articles.edit()
                .headline("After the timeout")
                .personIds(person)
                .patch(article)
                .then()
                .statusCode(200)
                .body("personIds", equalTo(List.of(person)));
    }
}
