package news.masthead.kernel.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.masthead.kernel.http.Routes;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** The one place where every error becomes an application/problem+json response. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final AtomicLong lastUnavailableLog = new AtomicLong(System.nanoTime() - 2_000_000_000L);
    private static final Map<Integer, String> TITLES = Map.of(
            400,
            "Bad Request",
            401,
            "Unauthorized",
            403,
            "Forbidden",
            404,
            "Not Found",
            405,
            "Method Not Allowed",
            406,
            "Not Acceptable",
            409,
            "Conflict",
            413,
            "Content Too Large",
            415,
            "Unsupported Media Type",
            500,
            "Internal Server Error");

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder rb =
                Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem());
        if (e instanceof ApiException.Unauthenticated u) {
            rb.header(
                    HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"masthead\"" + (u.tokenRejected() ? ", error=\"invalid_token\"" : ""));
        }
        if (e instanceof ApiException.RetryLater r) {
            rb.header(HttpHeaders.RETRY_AFTER, r.retryAfterSeconds());
        }
        return rb.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(path(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        String detail = errors.stream()
                .map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        return api(new ApiException.InvalidRequest(detail, errors));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        // An error raised while the body streamed in (e.g. the size limit) arrives wrapped by Jackson.
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof ApiException api) {
                return api(api);
            }
        }
        return api(toInvalidRequest(e));
    }

    // Named separately so they win over quarkus-rest-jackson's built-in mappers of these types.
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e) {
        return json(e);
    }

    @Inject
    Routes routes;

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return json(jpe);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String title =
                TITLES.getOrDefault(status, e.getResponse().getStatusInfo().getReasonPhrase());
        Response.ResponseBuilder rb =
                Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail(e, status)));
        if (e instanceof NotAllowedException) {
            rb.header(HttpHeaders.ALLOW, String.join(", ", routes.allowed(uri.getPath())));
        }
        return rb.build();
    }

    /** The @Version check in an UPDATE failed: another request changed the row in between. */
    @ServerExceptionMapper({StaleStateException.class, jakarta.persistence.OptimisticLockException.class})
    public Response staleWrite(RuntimeException e) {
        return api(new ApiException.Conflict(
                "The resource was changed by another request at the same time; read it again and retry."));
    }

    /** A unique or foreign key refused the write: two requests raced for one slug, or a link vanished. */
    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e) {
        return api(new ApiException.Conflict(
                "The change conflicts with existing data (" + e.getConstraintName() + "); read it again and retry."));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        ApiException.Unavailable unavailable = unavailable(e);
        if (unavailable != null) {
            long now = System.nanoTime();
            long last = lastUnavailableLog.get();
            // At most one line a second: an outage under load would otherwise log thousands.
            if (now - last > 1_000_000_000L && lastUnavailableLog.compareAndSet(last, now)) {
                LOG.warnf("Answered 503: %s (%s)", unavailable.getMessage(), rootMessage(e));
            }
            return api(unavailable);
        }
        LOG.error("Unexpected error", e);
        return Response.status(500)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(500, TITLES.get(500), "An unexpected error occurred; it has been logged."))
                .build();
    }

    /**
     * Errors a retry may outlast: every pooled connection stayed taken for the acquisition timeout (overload), the
     * statement timeout cut a query (SQLState 57014), or the database cannot be reached or is shutting down (class 08,
     * 57P01-57P03, too many connections). Null for anything else. Causes and suppressed exceptions are searched: a commit
     * that failed arrives as a RollbackException with the driver's error suppressed.
     */
    static ApiException.Unavailable unavailable(Throwable e) {
        Deque<Throwable> todo = new ArrayDeque<>(List.of(e));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Throwable c = todo.pop();
            if (!seen.add(c)) {
                continue;
            }
            if (c.getCause() != null) {
                todo.push(c.getCause());
            }
            todo.addAll(List.of(c.getSuppressed()));
            if (c instanceof ApiException.Unavailable u) {
                return u;
            }
            if (c instanceof SQLException s) {
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                if (s.getMessage() != null && s.getMessage().contains("acquisition timeout")) {
                    return new ApiException.Unavailable("The service is busy; retry in a second.", 1);
                }
                if (state.equals("57014")) {
                    return new ApiException.Unavailable(
                            "The query took longer than the service allows; retry later.", 2);
                }
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
                    return new ApiException.Unavailable("The database is unavailable; retry shortly.", 5);
                }
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String detail(WebApplicationException e, int status) {
        return switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed here; see the Allow header.";
            case 406 -> "None of the accepted media types can be produced.";
            case 413 -> "The request body is larger than 1 MiB.";
            case 415 -> "Unsupported Content-Type; send application/json.";
            default -> e.getMessage();
        };
    }

    public static ApiException.InvalidRequest toInvalidRequest(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String field = jsonPath(u);
            return new ApiException.InvalidRequest(
                    "Unknown property '" + field + "'", List.of(new FieldError(field, "unknown property")));
        }
        if (e instanceof InvalidTypeIdException t) {
            return fieldError(jsonPath(t) + ".type", "unknown or missing type");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() == String.class) {
            String why = f.getOriginalMessage();
            return fieldError(jsonPath(f), why.substring(why.lastIndexOf(": ") + 2));
        }
        if (e instanceof InvalidFormatException f) {
            return fieldError(jsonPath(f), "invalid value " + quoted(f.getValue()) + expected(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return fieldError(jsonPath(m), "wrong type" + expected(m.getTargetType()));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return fieldError(jsonPath(m), "invalid value");
        }
        if (e instanceof InputCoercionException) {
            return new ApiException.InvalidRequest("Malformed JSON: a number is out of range");
        }
        return new ApiException.InvalidRequest("Malformed JSON: " + e.getOriginalMessage());
    }

    private static ApiException.InvalidRequest fieldError(String field, String message) {
        return ApiException.InvalidRequest.field(field, message);
    }

    private static String quoted(Object value) {
        return value instanceof String s
                ? "'" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "'"
                : String.valueOf(value);
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "";
        }
        if (target.isEnum()) {
            StringBuilder sb = new StringBuilder("; expected one of ");
            Object[] values = target.getEnumConstants();
            for (int i = 0; i < values.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(values[i].toString());
            }
            return sb.toString();
        }
        return "; expected "
                + switch (target.getSimpleName()) {
                    case "UUID" -> "a UUID";
                    case "Instant", "OffsetDateTime" -> "an ISO-8601 date-time such as 2026-05-01T09:30:00Z";
                    case "Integer", "int", "Long", "long" -> "an integer";
                    case "Double", "double" -> "a number";
                    case "Boolean", "boolean" -> "true or false";
                    case "String" -> "a string";
                    case "List" -> "an array";
                    default -> "a " + target.getSimpleName();
                };
    }

    /** Jackson's reference path as a JSON path: {@code body[2].text}. */
    static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "$" : sb.toString();
    }

    /** Bean Validation's path as a JSON path, without the method and parameter of a REST call. */
    static String path(ConstraintViolation<?> v) {
        StringBuilder sb = new StringBuilder();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                sb.append('[').append(node.getKey()).append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT
                    && node.getKind() != ElementKind.BEAN
                    && node.getName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        if (sb.isEmpty()) {
            return parameter != null ? parameter : "$";
        }
        return sb.toString();
    }
}
