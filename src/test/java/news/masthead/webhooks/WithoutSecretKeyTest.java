package news.masthead.webhooks;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static news.masthead.Api.admin;
import static news.masthead.Api.person;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Without cms.webhooks.secret-key nothing can be signed: creating a webhook, rotating or pinging answers 503 naming the
 * setting, the rest of the admin API works, and no delivery is attempted (entries wait for an instance with the key).
 */
@QuarkusTest
@TestProfile(NoSecretKeyProfile.class)
class WithoutSecretKeyTest {

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void cleanUp() {
        Hooks.deleteAll();
    }

    @Test
    void creatingAWebhookAnswers503NamingTheMissingSetting() {
        admin().body(Map.of("url", "https://192.0.2.10/hook"))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "3600")
                .body("status", equalTo(503))
                .body("title", equalTo("Service Unavailable"))
                .body("detail", equalTo(SecretBox.MISSING));
        admin().get("/api/v1/webhooks").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aWebhookSavedWithAKeyIsNeitherSentToNorRotatedNorPinged() throws Exception {
        try (Receiver receiver = new Receiver()) {
            UUID id = UUID.randomUUID();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement hook = c.prepareStatement("""
                            insert into webhooks (id, url, events, scope, active, secret_sealed, created_at, updated_at, version)
                            values (?, ?, '{*}', 'all', true, 'c2VhbGVkIHVuZGVyIGFub3RoZXIga2V5', now(), now(), 1)""");
                    PreparedStatement cursor = c.prepareStatement(
                            "insert into webhook_cursors (webhook_id, seq) select ?, coalesce(max(seq), 0) from changes")) {
                hook.setObject(1, id);
                hook.setString(2, receiver.url());
                hook.executeUpdate();
                cursor.setObject(1, id);
                cursor.executeUpdate();
            }
            person("Unsent " + unique());
            admin().post("/api/v1/webhooks/" + id + "/rotate-secret")
                    .then()
                    .statusCode(503)
                    .body("detail", equalTo(SecretBox.MISSING));
            admin().post("/api/v1/webhooks/" + id + "/ping")
                    .then()
                    .statusCode(503)
                    .body("detail", equalTo(SecretBox.MISSING));
            Thread.sleep(1500); // 15 poll intervals: time enough for an attempt, were one made
            admin().get("/api/v1/webhooks/" + id).then().statusCode(200).body("active", equalTo(true));
            assertEquals(List.of(), Hooks.deliveries(id.toString()));
            assertEquals(List.of(), receiver.hits());
        }
    }
}
