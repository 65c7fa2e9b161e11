package news.masthead.tokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.masthead.Api;
import news.masthead.fixtures.Articles;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static news.masthead.Api.admin;
import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.token;
import static news.masthead.Api.unique;
import static news.masthead.Api.walk;
import static news.masthead.Api.withToken;
import static news.masthead.Json.assertBody;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TokenTest {

    @Inject
    SessionFactory sessions;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void adminCreatesTokenAndSeesItsSecretOnlyOnce() {
        String name = "Night desk " + unique();
        ExtractableResponse<Response> created = admin().body(Map.of("name", name, "role", "editor"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/tokens/[0-9a-f-]{36}"))
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo(name))
                .body("role", equalTo("editor"))
                .body("version", equalTo(1))
                .body("createdAt", endsWith("Z"))
                .body("updatedAt", notNullValue())
                .body("secret", matchesPattern("mh_[A-Za-z0-9_-]{43}"))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/tokens/" + id));

        admin().get("/api/v1/tokens/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo(name))
                .body("role", equalTo("editor"))
                .body("$", not(hasKey("secret")))
                .body("$", not(hasKey("secretHash")));
        List<Map<String, Object>> items = admin().queryParam("limit", 100)
                .get("/api/v1/tokens")
                .then()
                .statusCode(200)
                .body("limit", equalTo(100))
                .body("total", notNullValue())
                .extract()
                .path("items");
        assertFalse(items.isEmpty());
        items.forEach(t -> assertEquals(
                List.of("createdAt", "id", "name", "role", "updatedAt", "version"),
                t.keySet().stream().sorted().toList()));
    }

    @Test
    void tokenListIsKeysetPaginatedWithLinkHeader() {
        token("editor");
        token("editor");
        ExtractableResponse<Response> first = admin().queryParam("limit", 1)
                .get("/api/v1/tokens")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("next", notNullValue())
                .header("Link", startsWith("<"))
                .extract();
        String firstId = first.path("items[0].id");
        admin().queryParam("limit", 1)
                .queryParam("cursor", (String) first.path("next"))
                .get("/api/v1/tokens")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].id", not(equalTo(firstId)));
        admin().queryParam("sort", "secret")
                .get("/api/v1/tokens")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void editorTokenWritesContentButCannotManageTokens() {
        String secret = token("editor");
        withToken(secret)
                .body(Map.of("name", "Editor-made " + unique()))
                .post("/api/v1/people")
                .then()
                .statusCode(201);
        withToken(secret)
                .get("/api/v1/tokens")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"));
        withToken(secret)
                .body(Map.of("name", "x", "role", "admin"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(403);
    }

    /** Api.editor() sends a real editor token, so every "an editor can…" test runs with the editor role, not as admin. */
    @Test
    void theEditorCallerCannotListCreateOrDeleteTokens() {
        String kept = "Kept " + unique();
        String id = admin().body(Map.of("name", kept, "role", "editor"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String refused = "Refused " + unique();
        String forbidden = """
                {"type": "about:blank", "title": "Forbidden", "status": 403, "detail": "This operation needs the admin role."}""";
        for (Response response : List.of(
                editor().get("/api/v1/tokens"),
                editor().get("/api/v1/tokens/" + id),
                editor().body(Map.of("name", refused, "role", "editor")).post("/api/v1/tokens"),
                editor().delete("/api/v1/tokens/" + id))) {
            response.then().statusCode(403).contentType("application/problem+json");
            assertBody(forbidden, response);
        }
        List<Object> names = walk(Api::admin, "/api/v1/tokens", 100, null).stream()
                .map(t -> t.get("name"))
                .toList();
        assertTrue(names.contains(kept), "the token the editor tried to delete is still there");
        assertFalse(names.contains(refused), "the token the editor tried to create was not made");
        String draft = Articles.article().create();
        editor().get("/api/v1/articles/" + draft).then().statusCode(200);
        anonymous().get("/api/v1/articles/" + draft).then().statusCode(404);
    }

    @Test
    void adminTokenFromTheApiManagesTokens() {
        String secret = token("admin");
        String id = withToken(secret)
                .body(Map.of("name", "Made by an admin token " + unique(), "role", "editor"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        withToken(secret).delete("/api/v1/tokens/" + id).then().statusCode(204);
    }

    @Test
    void revokedTokenIsRefusedOnTheVeryNextRequest() {
        ExtractableResponse<Response> created = admin().body(
                        Map.of("name", "Short-lived " + unique(), "role", "editor"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract();
        String secret = created.path("secret");
        String id = created.path("id");
        withToken(secret)
                .body(Map.of("name", "Before revocation " + unique()))
                .post("/api/v1/people")
                .then()
                .statusCode(201);

        admin().delete("/api/v1/tokens/" + id).then().statusCode(204);

        withToken(secret)
                .body(Map.of("name", "After revocation " + unique()))
                .post("/api/v1/people")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("WWW-Authenticate", matchesPattern(".*error=\"invalid_token\".*"));
        withToken(secret).get("/api/v1/people").then().statusCode(401);
        admin().get("/api/v1/tokens/" + id).then().statusCode(404).contentType("application/problem+json");
        admin().delete("/api/v1/tokens/" + id).then().statusCode(404);
    }

    @Test
    void revocationHonoursIfMatch() {
        String id = admin().body(Map.of("name", "Guarded " + unique(), "role", "editor"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        admin().header("If-Match", "\"7\"")
                .delete("/api/v1/tokens/" + id)
                .then()
                .statusCode(412);
        admin().header("If-Match", "\"1\"")
                .delete("/api/v1/tokens/" + id)
                .then()
                .statusCode(204);
    }

    @Test
    void secretIsStoredOnlyAsItsSha256() throws Exception {
        ExtractableResponse<Response> created = admin().body(Map.of("name", "Hashed " + unique(), "role", "admin"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract();
        String secret = created.path("secret");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select t::text, t.secret_hash from api_tokens t where t.id = ?::uuid")) {
            ps.setString(1, created.path("id"));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertFalse(rs.getString(1).contains(secret.substring(3)), "the secret must not be stored");
                assertEquals(sha256(secret), rs.getString(2));
            }
        }
    }

    @Test
    void tokensNeedTheAdminRole() {
        anonymous()
                .get("/api/v1/tokens")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("status", equalTo(401));
        anonymous()
                .body(Map.of("name", "x", "role", "editor"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(401);
    }

    @Test
    void badTokensAre401EvenOnPublicRoutes() {
        anonymous()
                .header("Authorization", "Bearer nope")
                .get("/api/v1/articles")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"masthead\", error=\"invalid_token\""))
                .contentType("application/problem+json");
        anonymous()
                .header("Authorization", "Bearer mh_" + "A".repeat(43))
                .get("/api/v1/articles")
                .then()
                .statusCode(401);
        anonymous()
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .get("/api/v1/articles")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"masthead\""));
        anonymous()
                .header("Authorization", "Bearer ")
                .get("/api/v1/articles")
                .then()
                .statusCode(401);
        anonymous().get("/api/v1/articles").then().statusCode(200);
    }

    @Test
    void newTokenIsValidated() {
        admin().body(Map.of("role", "editor"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        admin().body(Map.of("name", "x", "role", "owner"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("role"));
        admin().body(Map.of("name", "x"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("role"));
        admin().body(Map.of("name", "x", "role", "editor", "secret", "mine"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("secret"));
        admin().body(Map.of("name", "x", "role", "admin", "id", "ignored", "version", 9))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .body("version", equalTo(1))
                .body("role", equalTo("admin"));
    }

    @Test
    void unknownTokenIdIs404() {
        admin().get("/api/v1/tokens/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .body("status", equalTo(404));
        admin().get("/api/v1/tokens/not-a-uuid").then().statusCode(404);
    }

    /**
     * The per-request cost of a token: exactly one SQL statement (the hash lookup) for an API token, none
     * for the bootstrap admin token, anonymous callers or malformed tokens. The route used here answers
     * 404 before its service touches the database, so every statement counted is the filter's.
     */
    @Test
    void anAuthenticatedRequestCostsExactlyOneQuery() {
        String secret = token("admin");
        assertEquals(
                1,
                statementsFor(() -> withToken(secret)
                        .get("/api/v1/tokens/not-a-uuid")
                        .then()
                        .statusCode(404)));
        assertEquals(
                1,
                statementsFor(() -> withToken("mh_" + "B".repeat(43))
                        .get("/api/v1/tokens/not-a-uuid")
                        .then()
                        .statusCode(401)));
        assertEquals(
                0,
                statementsFor(
                        () -> admin().get("/api/v1/tokens/not-a-uuid").then().statusCode(404)));
        assertEquals(
                0,
                statementsFor(() ->
                        anonymous().get("/api/v1/quotes/not-a-uuid").then().statusCode(404)));
        assertEquals(
                0,
                statementsFor(() -> withToken("garbage")
                        .get("/api/v1/quotes/not-a-uuid")
                        .then()
                        .statusCode(401)));
    }

    /** With many tokens stored, the lookup is an index scan on the unique hash index (in a transaction rolled back). */
    @Test
    void tokenLookupIsAnIndexScan() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("""
                        insert into api_tokens (id, name, role, secret_hash, created_at, updated_at, version)
                        select gen_random_uuid(), 'bulk ' || g, 'editor', encode(sha256(g::text::bytea), 'hex'), now(), now(), 1
                        from generate_series(1, 20000) g""");
                s.execute("analyze api_tokens");
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = s.executeQuery(
                        "explain (analyze, costs off) select t.role from api_tokens t where t.secret_hash = '"
                                + sha256("mh_probe") + "'")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                System.out.println("[token-lookup] plan with 20,000 tokens:\n" + plan);
                assertTrue(
                        plan.toString().contains("Index Scan using api_tokens_secret_hash_idx")
                                || plan.toString().contains("Index Only Scan using api_tokens_secret_hash_idx"),
                        plan.toString());
                assertFalse(plan.toString().contains("Seq Scan"), plan.toString());
            } finally {
                c.rollback();
            }
        }
    }

    private long statementsFor(Runnable request) {
        var stats = sessions.getStatistics();
        long before = stats.getPrepareStatementCount();
        request.run();
        return stats.getPrepareStatementCount() - before;
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
