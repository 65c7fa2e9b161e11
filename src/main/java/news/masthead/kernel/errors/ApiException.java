package news.masthead.kernel.errors;

import java.util.List;

/**
 * Base of the few typed errors the services throw; {@link ProblemMapper} turns each into one
 * application/problem+json response.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    protected ApiException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem(type, title, status, getMessage(), errors);
    }

    /** 400: the request is malformed or fails validation. */
    public static final class InvalidRequest extends ApiException {
        public InvalidRequest(String detail, List<FieldError> errors) {
            super(400, Problem.TYPE_VALIDATION, "Invalid request", detail, errors.isEmpty() ? null : errors);
        }

        public InvalidRequest(String detail) {
            super(400, Problem.TYPE_BAD_REQUEST, "Bad request", detail, null);
        }

        public static InvalidRequest field(String field, String message) {
            return new InvalidRequest(field + ": " + message, List.of(new FieldError(field, message)));
        }
    }

    /** 404: no such resource, or one the caller may not see. */
    public static final class NotFound extends ApiException {
        public NotFound(String detail) {
            super(404, Problem.ABOUT_BLANK, "Not Found", detail, null);
        }
    }

    /** 409: the request clashes with the current state (duplicate slug, resource still referenced). */
    public static final class Conflict extends ApiException {
        public Conflict(String detail) {
            super(409, Problem.TYPE_CONFLICT, "Conflict", detail, null);
        }
    }

    /** 412: If-Match named a version that is no longer current. */
    public static final class PreconditionFailed extends ApiException {
        public PreconditionFailed(String detail) {
            super(412, Problem.TYPE_PRECONDITION, "Precondition Failed", detail, null);
        }
    }

    /** 413: the request body is over the 1 MiB limit. */
    public static final class TooLarge extends ApiException {
        public TooLarge() {
            this("The request body is larger than 1 MiB.");
        }

        /** A route with a limit of its own (image uploads) names it. */
        public TooLarge(String detail) {
            super(413, Problem.ABOUT_BLANK, "Content Too Large", detail, null);
        }
    }

    /** 415: the body is not of a type the operation takes, or not what its Content-Type says. */
    public static final class UnsupportedType extends ApiException {
        public UnsupportedType(String detail) {
            super(415, Problem.ABOUT_BLANK, "Unsupported Media Type", detail, null);
        }
    }

    /** 401: no valid bearer token. */
    public static final class Unauthenticated extends ApiException {
        private final boolean tokenRejected;

        public Unauthenticated(String detail) {
            this(detail, false);
        }

        private Unauthenticated(String detail, boolean tokenRejected) {
            super(401, Problem.ABOUT_BLANK, "Unauthorized", detail, null);
            this.tokenRejected = tokenRejected;
        }

        /** A token was sent but is unknown, revoked or malformed (RFC 6750 error="invalid_token"). */
        public static Unauthenticated invalidToken(String detail) {
            return new Unauthenticated(detail, true);
        }

        public boolean tokenRejected() {
            return tokenRejected;
        }
    }

    /** A refusal the caller should retry: its Retry-After, in seconds. */
    public abstract static class RetryLater extends ApiException {
        private final long retryAfterSeconds;

        RetryLater(int status, String type, String title, String detail, long retryAfterSeconds) {
            super(status, type, title, detail, null);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** 429: too many requests from one client; retry after the given number of seconds. */
    public static final class TooManyRequests extends RetryLater {
        public TooManyRequests(String detail, long retryAfterSeconds) {
            super(429, Problem.TYPE_RATE_LIMITED, "Too Many Requests", detail, retryAfterSeconds);
        }
    }

    /** 503: overload, a query cut by the statement timeout, or a database that cannot answer now; retry after the given seconds. */
    public static final class Unavailable extends RetryLater {
        public Unavailable(String detail, long retryAfterSeconds) {
            super(503, Problem.ABOUT_BLANK, "Service Unavailable", detail, retryAfterSeconds);
        }
    }

    /** 403: a valid caller without the right to do this. */
    public static final class Forbidden extends ApiException {
        public Forbidden(String detail) {
            super(403, Problem.ABOUT_BLANK, "Forbidden", detail, null);
        }
    }
}
