package news.masthead.kernel.paging;

import jakarta.ws.rs.core.UriInfo;
import news.masthead.kernel.http.JsonText;
import org.jboss.resteasy.reactive.RestResponse;

/** Turns a list page into a response with the RFC 8288 Link header of the next page. */
public final class Lists {

    private Lists() {}

    public static <T> RestResponse<Page<T>> ok(Page<T> page, UriInfo uri) {
        return ok(page, page.next(), uri);
    }

    public static RestResponse<JsonText> ok(JsonPage page, UriInfo uri) {
        return ok(page.body(), page.next(), uri);
    }

    private static <T> RestResponse<T> ok(T body, String next, UriInfo uri) {
        RestResponse.ResponseBuilder<T> rb = RestResponse.ResponseBuilder.ok(body);
        if (next != null) {
            String link = uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", next)
                    .build()
                    .toString();
            rb.header("Link", "<" + link + ">; rel=\"next\"");
        }
        return rb.build();
    }
}
