package news.masthead.kernel.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds}, tagged as Quarkus' HTTP server binder tags it (method, uri: the route template,
 * status, outcome), timed from the first route to the response's end; {@code /q/} requests are not timed. It replaces
 * that binder (switched off in application.properties), which built and sorted the tags and looked the timer up in
 * the registry on every request and recorded every socket read and write in distribution summaries: 13% of the CPU of
 * a replayed answer (JFR), 9% of the replays a second. Here a request costs one map lookup.
 */
@ApplicationScoped
public class RequestMetrics {

    /** Where the REST layer (and {@link StoredResponses}, for a replay) puts the template of the route it matched. */
    static final String TEMPLATE = "UrlPathTemplate";

    private record Key(String method, Object template, int status) {}

    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    /** The methods tagged by name; any other (a client may send any token) is UNKNOWN, so clients cannot add series. */
    private static final Set<HttpMethod> KNOWN = Set.copyOf(HttpMethod.values());

    @Inject
    MeterRegistry registry;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (!ctx.request().path().startsWith("/q/")) {
                long start = System.nanoTime();
                ctx.addEndHandler(ended -> record(ctx, System.nanoTime() - start));
            }
            ctx.next();
        });
    }

    private void record(RoutingContext ctx, long nanos) {
        Object template = ((HttpServerRequestInternal) ctx.request()).context().getLocal(TEMPLATE);
        HttpMethod method = ctx.request().method();
        Key key = new Key(
                KNOWN.contains(method) ? method.name() : "UNKNOWN",
                template,
                ctx.response().getStatusCode());
        timers.computeIfAbsent(key, this::timer).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Key key) {
        int status = key.status();
        String uri = key.template() != null
                ? key.template().toString()
                : status == 404 ? "NOT_FOUND" : status / 100 == 3 ? "REDIRECTION" : "UNKNOWN";
        return Timer.builder("http.server.requests")
                .description("HTTP requests answered, by method, route template and status")
                .tag("method", key.method())
                .tag("uri", uri)
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .register(registry);
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }
}
