package news.masthead.kernel.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.errors.Problem;

import java.util.List;
import java.util.Set;

/**
 * CORS: reads (GET, HEAD) from any origin; writes only from the origins in
 * {@code cms.cors.write-origins}. A write from another origin is refused (403) even when a
 * non-browser client skips the preflight.
 */
@ApplicationScoped
class Cors {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final String ALLOW_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String ALLOW_HEADERS =
            "Authorization, Content-Type, If-Match, If-None-Match, If-Modified-Since";
    private static final String EXPOSE_HEADERS = "ETag, Last-Modified, Location, Link, Retry-After, WWW-Authenticate";

    @Inject
    CmsConfig config;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            ctx.next();
            return;
        }
        String requested = ctx.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        boolean preflight = ctx.request().method() == HttpMethod.OPTIONS && requested != null;
        HttpMethod method = preflight ? parse(requested) : ctx.request().method();
        boolean allowed = READS.contains(method)
                || (method == HttpMethod.OPTIONS && !preflight)
                || config.cors().writeOrigins().orElse(List.of()).contains(origin);
        var response = ctx.response();
        response.headers().add(HttpHeaders.VARY, "Origin");
        if (!allowed) {
            response.setStatusCode(403)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Json.encode(
                            Problem.of(403, "Forbidden", "Writes are not allowed from origin " + origin + ".")));
            return;
        }
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS);
        if (preflight) {
            response.setStatusCode(204)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400")
                    .end();
            return;
        }
        ctx.next();
    }

    private static HttpMethod parse(String requested) {
        try {
            return HttpMethod.valueOf(requested.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null; // not a method: only a write origin gets an answer
        }
    }
}
