package news.masthead;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The service behind a reverse proxy: forwarded headers are believed from the loopback peer (RestAssured), so tests
 * can stand in for many clients and for the proxy's scheme, host and prefix. Low comment limits make them reachable.
 * Shared by every test that needs it, so Quarkus restarts once for all of them.
 */
public class BehindProxy implements QuarkusTestProfile {

    public static final int RATE_LIMIT = 3;
    public static final int MAX_PENDING = 8;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "cms.comments.rate-limit",
                String.valueOf(RATE_LIMIT),
                "cms.comments.max-pending-per-article",
                String.valueOf(MAX_PENDING),
                "quarkus.http.proxy.proxy-address-forwarding",
                "true",
                "quarkus.http.proxy.allow-x-forwarded",
                "true",
                "quarkus.http.proxy.enable-forwarded-host",
                "true",
                "quarkus.http.proxy.enable-forwarded-prefix",
                "true",
                "quarkus.http.proxy.trusted-proxies",
                "127.0.0.1,::1,10.0.0.0/8");
    }
}
