package news.masthead.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static news.masthead.Api.admin;
import static news.masthead.Api.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creating and cleaning up webhooks in tests, and an independent check of Standard Webhooks signatures. */
final class Hooks {

    record Created(String id, String secret) {}

    private Hooks() {}

    static Created create(String url, List<String> events, String scope) {
        var r = admin().body(fields("url", url, "events", events, "scope", scope))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract();
        return new Created(r.path("id"), r.path("secret"));
    }

    static void deleteAll() {
        List<String> ids = admin().get("/api/v1/webhooks?limit=100&total=false")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        for (String id : ids) {
            admin().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    /** Whether {@code hit} carries a v1 signature of its id, timestamp and body made with {@code secret}. */
    static boolean signedWith(String secret, Receiver.Hit hit) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected =
                    mac.doFinal((hit.id() + "." + hit.timestamp() + "." + hit.body()).getBytes(StandardCharsets.UTF_8));
            for (String sig : hit.signature().split(" ")) {
                if (sig.equals("v1," + Base64.getEncoder().encodeToString(expected))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The receiver got {@code expected} distinct entries in seq order, each attempt logged once (no attempt made twice),
     * and an entry more than once only right after a logged failed attempt at it (at least once, never gratuitously).
     */
    static void assertInOrderOnceExceptRetries(Receiver receiver, String hookId, int expected) {
        List<Long> seqs =
                receiver.hits().stream().map(h -> h.json().getLong("seq")).toList();
        List<Map<String, Object>> log = deliveries(hookId);
        assertEquals(seqs.size(), log.size(), "requests received vs attempts logged: " + seqs + " " + log);
        Set<Long> failed = new HashSet<>();
        log.stream()
                .filter(d -> !Integer.valueOf(200).equals(d.get("status")))
                .forEach(d -> failed.add(((Number) d.get("seq")).longValue()));
        for (int i = 1; i < seqs.size(); i++) {
            boolean retry = seqs.get(i).equals(seqs.get(i - 1)) && failed.contains(seqs.get(i));
            assertTrue(
                    seqs.get(i) > seqs.get(i - 1) || retry,
                    "out of order or repeated without a failure at " + i + ": " + seqs + " " + log);
        }
        assertEquals(expected, seqs.stream().distinct().count(), "distinct entries: " + seqs);
    }

    /** The webhook's whole delivery log, newest first (every page). */
    static List<Map<String, Object>> deliveries(String id) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var page = admin().get("/api/v1/webhooks/" + id + "/deliveries?limit=100"
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .then()
                    .statusCode(200)
                    .extract();
            all.addAll(page.path("items"));
            cursor = page.path("next");
        } while (cursor != null);
        return all;
    }
}
