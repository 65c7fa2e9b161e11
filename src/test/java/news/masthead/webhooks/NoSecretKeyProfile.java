package news.masthead.webhooks;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * As on an external database without cms.webhooks.secret-key: the blank value outranks the key the embedded database
 * would generate. Private addresses are allowed, so a receiver on 127.0.0.1 could be called if anything were sent.
 */
public class NoSecretKeyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "cms.webhooks.secret-key", " ",
                "cms.webhooks.allow-private-addresses", "true",
                "cms.webhooks.poll-interval", "100ms");
    }
}
