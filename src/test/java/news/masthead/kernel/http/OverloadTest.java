package news.masthead.kernel.http;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static news.masthead.Api.anonymous;
import static org.hamcrest.Matchers.equalTo;

/** A request that finds every database connection taken is told to come back, not that the server broke. */
@QuarkusTest
class OverloadTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @Test
    void aRequestThatGetsNoConnectionInTimeIsToldToRetry() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < poolSize; i++) {
                held.add(dataSource.getConnection());
            }
            anonymous()
                    .get("/api/v1/people?limit=1")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "1")
                    .contentType("application/problem+json")
                    .body("status", equalTo(503))
                    .body("title", equalTo("Service Unavailable"))
                    .body("detail", equalTo("The service is busy; retry in a second."));
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        anonymous().get("/api/v1/people?limit=1").then().statusCode(200);
    }
}
