package news.masthead.kernel.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import news.masthead.kernel.config.CmsConfig;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.UncheckedIOException;

/**
 * Caching headers for every API response: anonymous reads may sit in a CDN briefly, anything
 * sent with a token is private, a resource that forbids storing its answer (no-store, no-cache) is
 * obeyed, and bodies without a version-based ETag (list pages, includes) get a weak ETag over their
 * bytes ({@link ETag#weak}) so an unchanged one answers 304.
 */
@ApplicationScoped // created at first use, at run time: the configuration mapping is not there at static init
public class HttpCaching {

    @Inject
    ObjectMapper mapper;

    @Inject
    CmsConfig config;

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD");
        int status = response.getStatus();
        if (read
                && status == 200
                && response.getEntity() != null
                && !response.getHeaders().containsKey(HttpHeaders.ETAG)
                && !(response.getEntity() instanceof byte[] || response.getEntity() instanceof String)) {
            bodyETag(request, response);
            status = response.getStatus();
        }
        var headers = response.getHeaders();
        if (!read || (status != 200 && status != 304)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        } else if (forbidsStoring(response.getHeaderString(HttpHeaders.CACHE_CONTROL))) {
            // The resource knows better (the change feed is polled: a copy kept for a minute would be stale): keep it.
        } else if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "private, no-store");
        } else if (keepsPublic(response.getHeaderString(HttpHeaders.CACHE_CONTROL))) {
            // The resource set its own public lifetime (an image file at its version is immutable): keep it.
        } else {
            headers.putSingle(
                    HttpHeaders.CACHE_CONTROL,
                    "public, max-age=" + config.http().publicMaxAge());
        }
        // The body depends on the representation asked for, on who asks, and (for CORS) on the origin.
        headers.putSingle(HttpHeaders.VARY, "Accept, Authorization, Origin");
    }

    private static boolean keepsPublic(String cacheControl) {
        return cacheControl != null && cacheControl.startsWith("public");
    }

    private static boolean forbidsStoring(String cacheControl) {
        return cacheControl != null && (cacheControl.contains("no-store") || cacheControl.contains("no-cache"));
    }

    /** A weak ETag over the JSON bytes, for lists and other bodies whose version says nothing. */
    private void bodyETag(ContainerRequestContext request, ContainerResponseContext response) {
        JsonText body;
        try {
            body = response.getEntity() instanceof JsonText json
                    ? json
                    : new JsonText(mapper.writeValueAsBytes(response.getEntity()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        String etag = body.etag();
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        if (Conditional.notModified(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), null, etag, null)) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(body, null, MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
