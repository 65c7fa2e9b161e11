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
import java.util.Locale;
import java.util.UUID;

/**
 * The one evaluator of conditional requests (RFC 9110 §13) for validators made by {@link ETag}: If-Match
 * before a write (strong comparison), If-None-Match or else If-Modified-Since before a read (weak comparison);
 * each header may list several tags or say {@code *}.
 */
public final class Conditional {

    private Conditional() {}

    /** 200 with a record's validators, or 304 when the client's copy is current. */
    public static <T> RestResponse<T> ok(HttpHeaders headers, T body, long version, Instant updatedAt) {
        return ok(headers, body, ETag.version(version), updatedAt);
    }

    /** 200 with this ETag (and Last-Modified, unless null), or 304 with them when the client's copy is current. */
    public static <T> RestResponse<T> ok(HttpHeaders headers, T body, String etag, Instant lastModified) {
        boolean current = notModified(
                headers.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE),
                etag,
                lastModified);
        return validators(
                        current ? RestResponse.ResponseBuilder.<T>notModified() : RestResponse.ResponseBuilder.ok(body),
                        etag,
                        lastModified)
                .build();
    }

    /** 200 after a write, with the new validators. */
    public static <T> RestResponse<T> written(T body, long version, Instant updatedAt) {
        return validators(RestResponse.ResponseBuilder.ok(body), ETag.version(version), updatedAt)
                .build();
    }

    /** 201 with Location (the request path + id) and validators. */
    public static <T> RestResponse<T> created(UriInfo uri, UUID id, T body, long version, Instant updatedAt) {
        return created(uri.getAbsolutePathBuilder().path(id.toString()).build(), body, version, updatedAt);
    }

    /** 201 with the given Location and validators. */
    public static <T> RestResponse<T> created(URI location, T body, long version, Instant updatedAt) {
        return validators(
                        RestResponse.ResponseBuilder.<T>created(location).entity(body),
                        ETag.version(version),
                        updatedAt)
                .build();
    }

    private static <T> RestResponse.ResponseBuilder<T> validators(
            RestResponse.ResponseBuilder<T> rb, String etag, Instant lastModified) {
        rb.header(HttpHeaders.ETAG, etag);
        return lastModified == null ? rb : rb.header(HttpHeaders.LAST_MODIFIED, httpDate(lastModified));
    }

    /** Throws 412 when If-Match is present and names neither "*" nor {@code current} (strong comparison). */
    static void requireMatch(String ifMatch, String current) {
        if (ifMatch != null && !ifMatch.isBlank() && !anyMatches(ifMatch, current, true)) {
            throw new ApiException.PreconditionFailed(
                    "If-Match " + ifMatch.trim() + " does not match the current ETag " + current + ".");
        }
    }

    /**
     * Whether a read may answer 304: If-None-Match names {@code etag} (weak comparison), or, only when there is no
     * If-None-Match, {@code lastModified} (if known) is not after If-Modified-Since.
     */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        if (ifNoneMatch != null) {
            return anyMatches(ifNoneMatch, etag, false);
        }
        if (ifModifiedSince == null || lastModified == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        } catch (DateTimeParseException e) {
            return false; // RFC 9110: an invalid date is ignored
        }
    }

    /** Whether the comma-separated {@code tags} say "*" or name {@code etag}; strongly, a weak tag matches nothing. */
    private static boolean anyMatches(String tags, String etag, boolean strong) {
        String opaque = opaque(etag);
        for (String tag : tags.split(",")) {
            String t = tag.trim();
            if (t.equals("*")
                    || (strong ? t.equals(etag) && !isWeak(t) : opaque(t).equals(opaque))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWeak(String etag) {
        return etag.startsWith("W/");
    }

    private static String opaque(String etag) {
        return isWeak(etag) ? etag.substring(2) : etag;
    }

    /**
     * RFC 9110's IMF-fixdate: a two-digit day ({@code RFC_1123_DATE_TIME} writes "Tue, 1 Dec 2026", which the HTTP
     * grammar does not allow).
     */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
