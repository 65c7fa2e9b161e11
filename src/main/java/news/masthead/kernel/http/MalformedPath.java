package news.masthead.kernel.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.masthead.kernel.errors.Problem;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A request target that is not a valid URI (a bad percent escape such as {@code /articles/%ZZ}) gets the problem+json
 * 400 every other error has. Quarkus' own check answers such requests with a bare 400 before any route runs, so it is
 * switched off ({@link #QUARKUS_CHECK_OFF}, set by the main class and the test JVM) and made here instead, as the
 * first route; the router's 400 (a path Vert.x cannot normalise) gets the same body.
 */
@ApplicationScoped
public class MalformedPath {

    /** The system property that turns Quarkus' bare-400 URI check off; read once, when its HTTP layer loads. */
    public static final String QUARKUS_CHECK_OFF = "vertx.disableURIValidation";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            try {
                new URI(ctx.request().uri());
                ctx.next();
            } catch (URISyntaxException e) {
                answer(ctx);
            }
        });
        router.errorHandler(400, MalformedPath::answer);
    }

    private static void answer(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            return;
        }
        ctx.response()
                .setStatusCode(400)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(new Problem(
                        Problem.TYPE_BAD_REQUEST,
                        "Bad Request",
                        400,
                        "The request path is not valid percent-encoded UTF-8.",
                        null)));
    }
}
