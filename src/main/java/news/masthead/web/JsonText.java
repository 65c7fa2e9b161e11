package news.masthead.web;

import java.nio.charset.StandardCharsets;

/**
 * A response body that is already JSON (built by PostgreSQL on the hot read paths): written as it
 * is, never parsed or re-serialised.
 */
public record JsonText(byte[] bytes) {

    public static JsonText of(String json) {
        return new JsonText(json.getBytes(StandardCharsets.UTF_8));
    }
}
