package news.masthead.web;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/** Turns a {@link Page} into a response with the RFC 8288 Link header of the next page. */
public final class Lists {

    private Lists() {
    }

    public static <T> RestResponse<Page<T>> ok(Page<T> page, UriInfo uri) {
        RestResponse.ResponseBuilder<Page<T>> rb = RestResponse.ResponseBuilder.ok(page);
        if (page.next() != null) {
            String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", page.next()).build().toString();
            rb.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return rb.build();
    }
}
