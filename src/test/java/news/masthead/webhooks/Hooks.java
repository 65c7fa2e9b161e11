package news.masthead.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static news.masthead.Api.admin;
import static news.masthead.Api.fields;

/** Creating and cleaning up webhooks in tests, and an independent check of Standard Webhooks signatures. */
final class Hooks {

    record Created(String id, String secret) {
    }

    private Hooks() {
    }

    static Created create(String url, List<String> events, String scope) {
        var r = admin().body(fields("url", url, "events", events, "scope", scope)).post("/api/v1/webhooks")
                .then().statusCode(201).extract();
        return new Created(r.path("id"), r.path("secret"));
    }

    static void deleteAll() {
        List<String> ids = admin().get("/api/v1/webhooks?limit=100&total=false").then().statusCode(200).extract().path("items.id");
        for (String id : ids) {
            admin().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    /** Whether {@code hit} carries a v1 signature of its id, timestamp and body made with {@code secret}. */
    static boolean signedWith(String secret, Receiver.Hit hit) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((hit.id() + "." + hit.timestamp() + "." + hit.body()).getBytes(StandardCharsets.UTF_8));
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

    /** The webhook's delivery log, newest first. */
    static List<Map<String, Object>> deliveries(String id) {
        return admin().get("/api/v1/webhooks/" + id + "/deliveries?limit=100").then().statusCode(200).extract().path("items");
    }
}
