package news.masthead.comments;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import news.masthead.BehindProxy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.publishedArticle;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The abuse limits, with low limits and the loopback peer (RestAssured) trusted as a proxy so X-Forwarded-For can
 * stand in for many clients (BehindProxy: 3 posts per client in 60 s, 8 pending comments per article).
 */
@QuarkusTest
@TestProfile(BehindProxy.class)
class CommentRateLimitTest {

    @Inject
    AgroalDataSource dataSource;

    private String path;

    @BeforeEach
    void article() throws InterruptedException {
        path = "/api/v1/articles/" + publishedArticle() + "/comments";
        // The counters are kept per calendar minute: do not start a test in the last seconds of one.
        while (LocalTime.now().getSecond() >= 55) {
            Thread.sleep(250);
        }
    }

    private static Map<String, Object> comment() {
        return Map.of("authorName", "Flooder", "authorEmail", "flood@example.org", "body", "again");
    }

    private static String randomAddress(String prefix) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return prefix + r.nextInt(1, 255) + "." + r.nextInt(1, 255);
    }

    private int post(String client) {
        return anonymous()
                .header("X-Forwarded-For", client)
                .body(comment())
                .post(path)
                .then()
                .extract()
                .statusCode();
    }

    @Test
    void fourthCommentInAMinuteFromOneAddressIs429WithRetryAfter() {
        String client = randomAddress("203.0.");
        for (int i = 0; i < 3; i++) {
            anonymous()
                    .header("X-Forwarded-For", client)
                    .body(comment())
                    .post(path)
                    .then()
                    .statusCode(201);
        }
        String retryAfter = anonymous()
                .header("X-Forwarded-For", client)
                .body(comment())
                .post(path)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("title", equalTo("Too Many Requests"))
                .body("type", equalTo("urn:masthead:problem:rate-limited"))
                .extract()
                .header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 120, "Retry-After " + retryAfter);
        // Still refused: rejected attempts do not reset anything.
        anonymous()
                .header("X-Forwarded-For", client)
                .body(comment())
                .post(path)
                .then()
                .statusCode(429);
        // Another reader is not affected, and neither are editors.
        anonymous()
                .header("X-Forwarded-For", randomAddress("198.51."))
                .body(comment())
                .post(path)
                .then()
                .statusCode(201);
        editor().header("X-Forwarded-For", client)
                .body(comment())
                .post(path)
                .then()
                .statusCode(201);
    }

    @Test
    void theWindowSlidesSoAFullPreviousMinuteStillCountsAfterTheMinuteTurns() throws Exception {
        String client = randomAddress("192.0.");
        // The client used the limit many times over in the previous calendar minute: within 60 s it is still refused.
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into comment_rate_windows "
                                + "(client, window_start, hits) values (?, date_trunc('minute', now()) - interval '1 minute', 1000)")) {
            ps.setString(1, client);
            ps.executeUpdate();
        }
        anonymous()
                .header("X-Forwarded-For", client)
                .body(comment())
                .post(path)
                .then()
                .statusCode(429)
                .header("Retry-After", startsWith(""));
        assertEquals(201, post(randomAddress("192.0.")));
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String block = String.format("2001:db8:%x:%x:", r.nextInt(1, 0xffff), r.nextInt(1, 0xffff));
        for (int i = 1; i <= 3; i++) {
            assertEquals(201, post(block + ":" + i), "address " + i + " of the block");
        }
        // A fourth address of the same /64 is the same subscriber; a neighbouring /64 is another.
        assertEquals(429, post(block + "ffff:ffff:ffff:ffff"));
        assertEquals(
                201,
                post("2001:db8:1:"
                        + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff)) + "::1"));
    }

    @Test
    void anArticleTakesAtMostMaxPendingCommentsAwaitingModeration() {
        for (int i = 0; i < BehindProxy.MAX_PENDING; i++) {
            assertEquals(201, post(randomAddress("100.64.")), "comment " + (i + 1));
        }
        anonymous()
                .header("X-Forwarded-For", randomAddress("100.65."))
                .body(comment())
                .post(path)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("60"))
                .body("detail", equalTo("This article has 8 comments awaiting moderation; retry in 60 s."));
        // Once a moderator approves one, there is room again.
        String pending = editor().get("/api/v1/comments?status=pending&limit=1&article=" + path.split("/")[4])
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        editor().contentType("application/merge-patch+json")
                .body(Map.of("status", "approved"))
                .patch("/api/v1/comments/" + pending)
                .then()
                .statusCode(200);
        assertEquals(201, post(randomAddress("100.66.")));
    }

    @Test
    void clientIsTheRightMostUntrustedForwardedAddress() {
        String client = randomAddress("192.0.");
        // Each hop list ends at trusted proxies (10.x); what the client wrote further left is ignored.
        anonymous()
                .header("X-Forwarded-For", client + ", 10.0.0.1")
                .body(comment())
                .post(path)
                .then()
                .statusCode(201);
        anonymous()
                .header("X-Forwarded-For", "1.1.1.1, " + client + ", 10.0.0.2")
                .body(comment())
                .post(path)
                .then()
                .statusCode(201);
        anonymous()
                .header("X-Forwarded-For", "8.8.8.8, " + client)
                .header("X-Forwarded-For", "10.9.9.9")
                .body(comment())
                .post(path)
                .then()
                .statusCode(201);
        anonymous()
                .header("X-Forwarded-For", randomAddress("100.64.") + ", " + client + ", 10.0.0.3")
                .body(comment())
                .post(path)
                .then()
                .statusCode(429)
                .header("Retry-After", startsWith(""));
    }

    @Test
    void aTrustedPeerWithoutForwardedForCountsAsItself() {
        // All requests here come from the loopback peer; other tests of this class send X-Forwarded-For.
        int created = 0;
        int limited = 0;
        for (int i = 0; i < 5; i++) {
            int status = anonymous().body(comment()).post(path).then().extract().statusCode();
            created += status == 201 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        assertTrue(created <= 3 && limited >= 2, created + " created, " + limited + " limited");
    }
}
