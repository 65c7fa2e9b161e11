package news.masthead.webhooks;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Webhook tests call receivers on 127.0.0.1, so private addresses are allowed here (and only here: the default test
 * profile keeps the refusal, see WebhookSafetyTest); timeouts and backoff are short so retries fit in seconds.
 */
public class WebhookProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "cms.webhooks.allow-private-addresses",
                "true",
                "cms.webhooks.timeout",
                "2s",
                "cms.webhooks.retry-initial-delay",
                "100ms",
                "cms.webhooks.retry-max-delay",
                "400ms",
                "cms.webhooks.retry-for",
                "3s",
                "cms.webhooks.poll-interval",
                "100ms");
    }
}
