package news.masthead.kernel.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import news.masthead.kernel.errors.ApiException;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Strong ETags derived from a resource's version, and the conditional requests they serve. */
public final class Conditional {

    private Conditional() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with ETag and Last-Modified, or 304 when the client's copy is current. */
    public static <T> RestResponse<T> ok(HttpHeaders headers, T body, long version, Instant updatedAt) {
        if (notModified(headers, etag(version), updatedAt.truncatedTo(ChronoUnit.SECONDS))) {
            return validators(RestResponse.ResponseBuilder.<T>notModified(), version, updatedAt).build();
        }
        return validators(RestResponse.ResponseBuilder.ok(body), version, updatedAt).build();
    }

    /**
     * 200 with the given strong ETag and Last-Modified, or 304: for another representation of a
     * resource, whose tag must differ from the version tag of the JSON one.
     */
    public static <T> RestResponse<T> ok(HttpHeaders headers, T body, String etag, Instant lastModified) {
        Instant seconds = lastModified.truncatedTo(ChronoUnit.SECONDS);
        RestResponse.ResponseBuilder<T> rb = notModified(headers, etag, seconds)
                ? RestResponse.ResponseBuilder.<T>notModified() : RestResponse.ResponseBuilder.ok(body);
        return rb.header(HttpHeaders.ETAG, etag).header(HttpHeaders.LAST_MODIFIED, httpDate(seconds))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /** 200 after a write, with the new validators. */
    public static <T> RestResponse<T> written(T body, long version, Instant updatedAt) {
        return validators(RestResponse.ResponseBuilder.ok(body), version, updatedAt).build();
    }

    /** 201 with Location (the request path + id) and validators. */
    public static <T> RestResponse<T> created(UriInfo uri, UUID id, T body, long version, Instant updatedAt) {
        URI location = uri.getAbsolutePathBuilder().path(id.toString()).build();
        return validators(RestResponse.ResponseBuilder.<T>created(location).entity(body), version, updatedAt).build();
    }

    /** 201 with the given Location and validators. */
    public static <T> RestResponse<T> created(URI location, T body, long version, Instant updatedAt) {
        return validators(RestResponse.ResponseBuilder.<T>created(location).entity(body), version, updatedAt).build();
    }

    private static <T> RestResponse.ResponseBuilder<T> validators(RestResponse.ResponseBuilder<T> rb, long version, Instant updatedAt) {
        return rb.header(HttpHeaders.ETAG, etag(version))
                .header(HttpHeaders.LAST_MODIFIED, httpDate(updatedAt.truncatedTo(ChronoUnit.SECONDS)));
    }

    /** Throws 412 when If-Match is present and names neither "*" nor the current version. */
    public static void requireMatch(HttpHeaders headers, long currentVersion) {
        String ifMatch = headers.getHeaderString("If-Match");
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = etag(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(current)) { // strong comparison: weak tags never match
                return;
            }
        }
        throw new ApiException.PreconditionFailed("If-Match " + ifMatch.trim() + " does not match the current ETag " + current + ".");
    }

    /** If-None-Match's weak comparison: W/"x" and "x" match each other. */
    public static boolean matchesAny(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(opaque) || t.equals("W/" + opaque)) {
                return true;
            }
        }
        return false;
    }

    private static boolean notModified(HttpHeaders headers, String etag, Instant lastModified) {
        String ifNoneMatch = headers.getHeaderString("If-None-Match");
        if (ifNoneMatch != null) {
            return matchesAny(ifNoneMatch, etag);
        }
        String ims = headers.getHeaderString("If-Modified-Since");
        if (ims != null) {
            try {
                Instant since = ZonedDateTime.parse(ims.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !lastModified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false; // RFC 9110: an invalid date is ignored
            }
        }
        return false;
    }

    public static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }
}
