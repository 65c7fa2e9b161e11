package news.masthead.kernel.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import news.masthead.kernel.paging.Page;
import news.masthead.kernel.paging.PageSchema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies {@code fields=} ({@link Fieldset}) to the JSON of any operation that declares it, however that JSON was
 * made (by PostgreSQL or by Jackson): the allowed names are the top-level fields of the record the operation documents
 * as its 200 answer (its {@code @APIResponseSchema} or {@code @APIResponse} schema, else its return type), so they are
 * the spec's. Keeping fields only removes some, so a caller never gets a field its full answer would not show it.
 * <p>
 * The validators are those of the sparse copy: a record's version tag gains the fieldset as a variant, other bodies
 * get a weak tag over their bytes. So the conditional headers are held back from the resource (it would compare them
 * with the full copy's tag) and evaluated here, after selecting.
 */
@ApplicationScoped
public class FieldsetFilter {

    private static final String SELECTION = FieldsetFilter.class.getName();

    /** What a request asks for and the conditional headers it sent. */
    private record Selection(Fieldset fieldset, boolean page, String ifNoneMatch, String ifModifiedSince) {}

    /** The record an operation answers with: its top-level fields, and whether it comes as a list page. */
    record Shape(List<String> names, boolean page) {}

    @Inject
    ObjectMapper mapper;

    private final Map<Method, Shape> shapes = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 2) // after QueryParamsFilter: the operation takes fields
    public void parse(ContainerRequestContext request, ResourceInfo resource) {
        String value = request.getUriInfo().getQueryParameters().getFirst(Fieldset.PARAM);
        Method method = resource.getResourceMethod();
        if (value == null || method == null) {
            return;
        }
        Shape shape = shapes.computeIfAbsent(method, FieldsetFilter::shapeOf);
        var headers = request.getHeaders();
        request.setProperty(
                SELECTION,
                new Selection(
                        Fieldset.parse(value, shape.names()),
                        shape.page(),
                        headers.getFirst(HttpHeaders.IF_NONE_MATCH),
                        headers.getFirst(HttpHeaders.IF_MODIFIED_SINCE)));
        headers.remove(HttpHeaders.IF_NONE_MATCH);
        headers.remove(HttpHeaders.IF_MODIFIED_SINCE);
    }

    @ServerResponseFilter(priority = Priorities.USER + 100) // before HttpCaching, which tags what has no tag yet
    public void select(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(SELECTION) instanceof Selection s)
                || response.getStatus() != 200
                || response.getEntity() == null) {
            return;
        }
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        boolean versioned = etag != null && !etag.startsWith("W/");
        // A record's sparse tag follows from its version, so a match is known before selecting anything; other bodies
        // are tagged by their sparse bytes.
        JsonText body = versioned ? null : selected(s, response);
        etag = versioned ? ETag.variant(etag, s.fieldset().variant()) : body.etag();
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        if (Conditional.notModified(s.ifNoneMatch(), s.ifModifiedSince(), etag, lastModified(response))) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(body != null ? body : selected(s, response), null, MediaType.APPLICATION_JSON_TYPE);
        }
    }

    private JsonText selected(Selection s, ContainerResponseContext response) {
        if (response.getEntity() instanceof JsonText json && json.isSparse()) {
            return json;
        }
        return new JsonText(s.fieldset().select(bytes(response.getEntity()), s.page()));
    }

    private byte[] bytes(Object entity) {
        if (entity instanceof JsonText json) {
            return json.bytes();
        }
        try {
            return mapper.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant lastModified(ContainerResponseContext response) {
        String value = response.getHeaderString(HttpHeaders.LAST_MODIFIED);
        try {
            return value == null
                    ? null
                    : ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The documented 200 answer of {@code method}: a record or a page of records. */
    static Shape shapeOf(Method method) {
        Type answer = documented(method);
        boolean page = false;
        if (answer instanceof ParameterizedType p && p.getRawType() == Page.class) {
            answer = p.getActualTypeArguments()[0];
            page = true;
        } else if (answer instanceof Class<?> c && PageSchema.class.isAssignableFrom(c)) {
            answer = ((ParameterizedType) c.getGenericSuperclass()).getActualTypeArguments()[0];
            page = true;
        }
        if (!(answer instanceof Class<?> record) || !record.isRecord()) {
            throw new IllegalStateException(method + " takes fields but answers with no record: " + answer);
        }
        return new Shape(
                Arrays.stream(record.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList(),
                page);
    }

    private static Type documented(Method method) {
        APIResponseSchema schema = method.getAnnotation(APIResponseSchema.class);
        if (schema != null
                && (schema.responseCode().isEmpty() || schema.responseCode().equals("200"))) {
            return schema.value();
        }
        for (APIResponse r : method.getAnnotationsByType(APIResponse.class)) {
            if (r.responseCode().equals("200")) {
                for (Content c : r.content()) {
                    if (c.mediaType().equals(MediaType.APPLICATION_JSON)
                            && c.schema().implementation() != Void.class) {
                        return c.schema().implementation();
                    }
                }
            }
        }
        Type returned = method.getGenericReturnType();
        if (returned instanceof ParameterizedType p && p.getRawType() == RestResponse.class) {
            return p.getActualTypeArguments()[0];
        }
        return returned;
    }
}
