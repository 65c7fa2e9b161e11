package news.masthead.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** cms.webhooks.* (application.properties documents each key). */
@ConfigMapping(prefix = "cms.webhooks")
public interface WebhookConfig {

    /** AES-256 key (32 bytes, base64 or base64url) sealing the signing secrets at rest. */
    Optional<String> secretKey();

    @WithDefault("false")
    boolean allowPrivateAddresses();

    @WithDefault("10s")
    Duration timeout();

    @WithDefault("5s")
    Duration retryInitialDelay();

    @WithDefault("1h")
    Duration retryMaxDelay();

    @WithDefault("24h")
    Duration retryFor();

    @WithDefault("500ms")
    Duration pollInterval();

    @WithDefault("4")
    int workers();

    @WithDefault("7d")
    Duration deliveryRetention();
}
