package news.masthead.webhooks;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static news.masthead.Api.admin;
import static news.masthead.Api.anonymous;
import static news.masthead.Api.fields;
import static news.masthead.Api.problem;
import static news.masthead.Api.token;
import static news.masthead.Api.withToken;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(WebhookProfile.class)
class WebhookAdminTest {

    private static final String URL = "http://127.0.0.1:9/hook";

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void cleanUp() {
        Hooks.deleteAll();
    }

    @Test
    void theSecretIsShownOnceOnCreateAndNeverListed() {
        var created = admin().body(Map.of("url", URL))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .body("url", equalTo(URL))
                .body("events", equalTo(List.of("*")))
                .body("scope", equalTo("public"))
                .body("active", equalTo(true))
                .body("inactiveReason", nullValue())
                .body("version", equalTo(1))
                .extract();
        String id = created.path("id");
        String secret = created.path("secret");
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        admin().get("/api/v1/webhooks/" + id)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("secret")))
                .body("id", equalTo(id));
        admin().get("/api/v1/webhooks")
                .then()
                .statusCode(200)
                .body("items[0]", not(hasKey("secret")))
                .body("items.id", equalTo(List.of(id)));
    }

    @Test
    void theSecretIsStoredSealedNotInClear() throws Exception {
        var created = Hooks.create(URL, List.of("*"), "all");
        String stored;
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("select secret_sealed from webhooks where id = '" + created.id() + "'")) {
            rs.next();
            stored = rs.getString(1);
        }
        String raw = created.secret().substring(6);
        assertFalse(stored.contains(raw) || stored.contains(created.secret()), stored);
        assertNotEquals(Base64.getEncoder().encodeToString(created.secret().getBytes()), stored);
    }

    @Test
    void rotatingGivesANewSecretOnce() {
        var created = Hooks.create(URL, List.of("*"), "all");
        String rotated = admin().post("/api/v1/webhooks/" + created.id() + "/rotate-secret")
                .then()
                .statusCode(200)
                .body("id", equalTo(created.id()))
                .body("version", equalTo(2))
                .extract()
                .path("secret");
        assertTrue(rotated.startsWith("whsec_"));
        assertNotEquals(created.secret(), rotated);
    }

    @Test
    void patchPutAndDeleteChangeTheSubscription() {
        var created = Hooks.create(URL, List.of("*"), "public");
        String path = "/api/v1/webhooks/" + created.id();
        admin().contentType("application/merge-patch+json")
                .body(Map.of("events", List.of("articles.*", "people.upsert"), "active", false))
                .patch(path)
                .then()
                .statusCode(200)
                .body("events", equalTo(List.of("articles.*", "people.upsert")))
                .body("active", equalTo(false))
                .body("scope", equalTo("public"))
                .body("version", equalTo(2));
        admin().body(Map.of("url", URL + "2", "scope", "all"))
                .put(path)
                .then()
                .statusCode(200)
                .body("url", equalTo(URL + "2"))
                .body("events", equalTo(List.of("*")))
                .body("active", equalTo(true))
                .body("scope", equalTo("all"));
        admin().header("If-Match", "\"1\"").delete(path).then().statusCode(412);
        admin().delete(path).then().statusCode(204);
        problem(admin().get(path), 404);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        problem(admin().body(Map.of("url", URL, "scope", "everyone")).post("/api/v1/webhooks"), 400)
                .body("errors[0].field", equalTo("scope"));
        problem(admin().body(Map.of("url", URL, "events", List.of("articles"))).post("/api/v1/webhooks"), 400)
                .body("errors[0].field", equalTo("events[0]"));
        problem(admin().body(Map.of("url", "ftp://127.0.0.1/x")).post("/api/v1/webhooks"), 400)
                .body("errors[0].field", equalTo("url"));
        problem(admin().body(fields("url", URL, "secret", "whsec_mine")).post("/api/v1/webhooks"), 400);
        var created = Hooks.create(URL, List.of("*"), "all");
        problem(admin().body(Map.of("after", "nonsense")).post("/api/v1/webhooks/" + created.id() + "/replay"), 400)
                .body("errors[0].field", equalTo("after"));
        problem(admin().get("/api/v1/webhooks/" + created.id() + "/deliveries?cursor=zz"), 400);
    }

    @Test
    void onlyAdminsManageWebhooks() {
        problem(anonymous().get("/api/v1/webhooks"), 401);
        problem(withToken(token("editor")).get("/api/v1/webhooks"), 403);
        problem(withToken(token("editor")).body(Map.of("url", URL)).post("/api/v1/webhooks"), 403);
        withToken(token("admin")).get("/api/v1/webhooks").then().statusCode(200);
    }
}
