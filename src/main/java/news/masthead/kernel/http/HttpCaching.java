package news.masthead.kernel.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.sql.Lookup;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Caching headers for every API response: anonymous reads may sit in a CDN briefly, anything
 * sent with a token is private, a resource that forbids storing its answer (no-store, no-cache) is
 * obeyed, and bodies without a version-based ETag (list pages, includes) get a weak ETag over their
 * bytes ({@link ETag#weak}) so an unchanged one answers 304. Every successful read names the records it shows in
 * {@code Surrogate-Key} ({@link SurrogateKeys}), so a CDN can purge exactly what a change touched.
 */
@ApplicationScoped // created at first use, at run time: the configuration mapping is not there at static init
public class HttpCaching {

    static final String SURROGATE_KEY = "Surrogate-Key";

    @Inject
    ObjectMapper mapper;

    @Inject
    CmsConfig config;

    @Inject
    ResponseKeys responseKeys;

    /** Set once: the configuration does not change while the service runs. */
    private String publicCacheControl;

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD");
        int status = response.getStatus();
        if (read && status == 200 && response.getEntity() != null && json(response.getEntity())) {
            if (!response.getHeaders().containsKey(HttpHeaders.ETAG)) {
                bodyETag(request, response);
                status = response.getStatus();
            } else if (!(response.getEntity() instanceof JsonText)) {
                response.setEntity(asJson(response.getEntity()), null, MediaType.APPLICATION_JSON_TYPE); // written once
            }
        }
        if (read && (status == 200 || status == 304) && !response.getHeaders().containsKey(SURROGATE_KEY)) {
            surrogateKeys(request, response);
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
            headers.putSingle(HttpHeaders.CACHE_CONTROL, publicCacheControl());
        }
        // The body depends on the representation asked for, on who asks, and (for CORS) on the origin.
        headers.putSingle(HttpHeaders.VARY, "Accept, Authorization, Origin");
    }

    private String publicCacheControl() {
        String c = publicCacheControl;
        if (c == null) {
            publicCacheControl = c = "public, max-age=" + config.http().publicMaxAge() + ", stale-while-revalidate="
                    + config.http().staleWhileRevalidate() + ", stale-if-error="
                    + config.http().staleIfError();
        }
        return c;
    }

    /**
     * The collection of a list, the record the path names, what the read cache served, and what the JSON body shows.
     * A 304 has no body: what the cache served (the body is cached with its keys) still names it.
     */
    private void surrogateKeys(ContainerRequestContext request, ContainerResponseContext response) {
        List<String> path = request.getUriInfo().getPathSegments().stream()
                .map(PathSegment::getPath)
                .toList();
        if (path.size() < 3 || !path.get(0).equals("api") || !path.get(1).equals("v1")) {
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        boolean list = path.size() % 2 == 1; // /api/v1/articles, /api/v1/people/{idOrSlug}/quotes
        String kind = SurrogateKeys.KINDS.get(path.get(path.size() - (list ? 1 : 2)));
        if (list && kind != null) {
            keys.add(path.get(path.size() - 1));
        }
        if (path.size() >= 4
                && SurrogateKeys.KINDS.containsKey(path.get(2))
                && Lookup.asId(path.get(3)).isPresent()) {
            keys.add(SurrogateKeys.KINDS.get(path.get(2)) + ":" + path.get(3)); // the record, or the one listing them
        }
        keys.addAll(responseKeys.keys());
        if (response.getEntity() instanceof JsonText body) {
            keys.addAll(body.surrogateKeys(kind));
        }
        if (!keys.isEmpty()) {
            response.getHeaders().putSingle(SURROGATE_KEY, SurrogateKeys.header(keys));
        }
    }

    private static boolean json(Object entity) {
        return !(entity instanceof byte[] || entity instanceof String);
    }

    private JsonText asJson(Object entity) {
        if (entity instanceof JsonText json) {
            return json;
        }
        try {
            return new JsonText(mapper.writeValueAsBytes(entity));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean keepsPublic(String cacheControl) {
        return cacheControl != null && cacheControl.startsWith("public");
    }

    private static boolean forbidsStoring(String cacheControl) {
        return cacheControl != null && (cacheControl.contains("no-store") || cacheControl.contains("no-cache"));
    }

    /** A weak ETag over the JSON bytes, for lists and other bodies whose version says nothing. */
    private void bodyETag(ContainerRequestContext request, ContainerResponseContext response) {
        JsonText body = asJson(response.getEntity());
        String etag = body.etag();
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        if (Conditional.notModified(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), null, etag, null)) {
            response.setStatus(304);
            surrogateKeys(request, response); // while the body is there to read
            response.setEntity(null);
        } else if (body != response.getEntity()) { // setting it again re-derives the content type: 3% of a miss's CPU
            response.setEntity(body, null, MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
