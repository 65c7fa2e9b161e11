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

    /** The ASCII characters that a URI's path and query take as they are: letters, digits and these. */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            PLAIN[c] = Character.isLetterOrDigit(c) || "-._~/?=&,;:@!$'()*+".indexOf(c) >= 0;
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (plain(ctx.request().uri())) {
                ctx.next();
                return;
            }
            try {
                new URI(ctx.request().uri());
                ctx.next();
            } catch (URISyntaxException e) {
                answer(ctx);
            }
        });
        router.errorHandler(400, MalformedPath::answer);
    }

    /**
     * Whether the target is a path and query of characters that {@link URI} takes as they are, escapes included
     * ({@code %} and two hex digits): what nearly every request is, checked without parsing it.
     */
    static boolean plain(String target) {
        if (!target.startsWith("/") || target.startsWith("//")) { // "//" starts an authority
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length() || !hex(target.charAt(i + 1)) || !hex(target.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c >= 128 || !PLAIN[c]) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
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
