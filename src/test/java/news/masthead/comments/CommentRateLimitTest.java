package news.masthead.comments;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.publishedArticle;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The abuse limit itself, with a low limit and the loopback peer (RestAssured) trusted as a proxy so
 * X-Forwarded-For can stand in for many clients. The only @TestProfile of the suite: it restarts Quarkus.
 */
@QuarkusTest
@TestProfile(CommentRateLimitTest.LowLimit.class)
class CommentRateLimitTest {

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cms.comments.rate-limit", "3",
                    "cms.trusted-proxies", "127.0.0.1, ::1, 10.0.0.0/8");
        }
    }

    private String path;

    @BeforeEach
    void article() throws InterruptedException {
        path = "/api/v1/articles/" + publishedArticle() + "/comments";
        // Windows are calendar minutes: do not start a test in the last seconds of one.
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

    @Test
    void fourthCommentInAMinuteFromOneAddressIs429WithRetryAfter() {
        String client = randomAddress("203.0.");
        for (int i = 0; i < 3; i++) {
            anonymous().header("X-Forwarded-For", client).body(comment()).post(path).then().statusCode(201);
        }
        String retryAfter = anonymous().header("X-Forwarded-For", client).body(comment()).post(path).then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429)).body("title", equalTo("Too Many Requests"))
                .body("type", equalTo("urn:masthead:problem:rate-limited"))
                .extract().header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After " + retryAfter);
        // Still refused: rejected attempts do not reset anything.
        anonymous().header("X-Forwarded-For", client).body(comment()).post(path).then().statusCode(429);
        // Another reader is not affected, and neither are editors.
        anonymous().header("X-Forwarded-For", randomAddress("198.51.")).body(comment()).post(path).then().statusCode(201);
        editor().header("X-Forwarded-For", client).body(comment()).post(path).then().statusCode(201);
    }

    @Test
    void clientIsTheRightMostUntrustedForwardedAddress() {
        String client = randomAddress("192.0.");
        // Each hop list ends at trusted proxies (10.x); what the client wrote further left is ignored.
        anonymous().header("X-Forwarded-For", client + ", 10.0.0.1").body(comment()).post(path).then().statusCode(201);
        anonymous().header("X-Forwarded-For", "1.1.1.1, " + client + ", 10.0.0.2").body(comment()).post(path).then().statusCode(201);
        anonymous().header("X-Forwarded-For", "8.8.8.8, " + client).header("X-Forwarded-For", "10.9.9.9")
                .body(comment()).post(path).then().statusCode(201);
        anonymous().header("X-Forwarded-For", randomAddress("100.64.") + ", " + client + ", 10.0.0.3").body(comment()).post(path)
                .then().statusCode(429).header("Retry-After", startsWith(""));
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
