package news.masthead.kernel.openapi;

import news.masthead.kernel.errors.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Documents what every operation shares, so the resources need not repeat it: the problem+json
 * error responses, the conditional-request headers, the bearer scheme (and {@code security: []} on
 * public operations), the operationIds of {@link OpenApiOperations}, and the request bodies' schemas
 * as {@link OpenApiSchemas} makes them (nullable optional fields; merge-patch variants), and fields= as
 * {@link OpenApiFieldsets} does.
 */
public class OpenApiFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** The paths whose reads send Surrogate-Key. */
    private static final Pattern KEYED =
            Pattern.compile("/api/v1/(articles|people|places|quotes|comments|images|feeds)\\b");

    private static final String SURROGATE_KEY = "Space-separated keys of every record the response shows, the same keys"
            + " webhooks carry: `article:<id>`, `person:<id>`, `place:<id>`, `quote:<id>`, `comment:<id>`, `image:<id>`,"
            + " through includes, related articles, lead and body images and quote speakers; a list also names its"
            + " collection (`articles`, `people`, `places`, `quotes`, `comments`, `images`), and a page that also depends"
            + " on records it does not show (a filter by person or place, a hidden related article, a feed's quoted text)"
            + " names their collection too. Purging a key at a CDN drops every response that showed that record.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents()
                .addSecurityScheme(
                        "bearer",
                        OASFactory.createSecurityScheme()
                                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description(
                                        "An API token: `Authorization: Bearer <token>`. Editors write content; admins also manage tokens."));
        // No LICENSE file yet: Apache-2.0 is what the spec declares until the project says otherwise.
        openAPI.getInfo().license(OASFactory.createLicense().name("Apache 2.0").identifier("Apache-2.0"));
        openAPI.servers(List.of(OASFactory.createServer()
                .url("/")
                .description("The service that serves this document (paths start with /api/v1)")));
        openAPI.getComponents()
                .addHeader(
                        "Surrogate-Key",
                        OASFactory.createHeader()
                                .description(SURROGATE_KEY)
                                .schema(OASFactory.createSchema()
                                        .addType(
                                                org.eclipse.microprofile.openapi.models.media.Schema.SchemaType
                                                        .STRING)));
        if (openAPI.getPaths() == null) {
            return;
        }
        OpenApiSchemas schemas = new OpenApiSchemas(openAPI.getComponents());
        OpenApiFieldsets fieldsets = new OpenApiFieldsets(openAPI.getComponents());
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            boolean single = path.endsWith("}");
            boolean underResource = path.contains("{");
            item.getOperations().forEach((method, op) -> {
                String id = OpenApiOperations.IDS.get(method + " " + path);
                if (id == null) {
                    throw new IllegalStateException(
                            "No operationId for " + method + " " + path + ": add one to OpenApiOperations");
                }
                op.operationId(id);
                if (op.getSecurity() == null || op.getSecurity().isEmpty()) {
                    op.setSecurity(new ArrayList<>()); // public: says so, rather than leaving it unstated
                }
                document(method, op, single, underResource);
                if (method == PathItem.HttpMethod.GET && KEYED.matcher(path).lookingAt()) {
                    surrogateKey(op.getResponses());
                }
                requestBody(method, op, schemas);
                fieldsets.add(op);
            });
        });
        schemas.makeOptionalInputFieldsNullable();
        schemas.requireResponseFields();
        schemas.tidy();
        fieldsets.document();
    }

    /** PATCH takes merge-patch+json and plain JSON alike, with every field optional and null removing it. */
    private static void requestBody(PathItem.HttpMethod method, Operation op, OpenApiSchemas schemas) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return;
        }
        Content content = op.getRequestBody().getContent();
        for (Map.Entry<String, MediaType> media :
                Map.copyOf(content.getMediaTypes()).entrySet()) {
            Schema schema = media.getValue().getSchema();
            if (schema == null || schema.getRef() == null) {
                continue;
            }
            schemas.input(schema.getRef());
            if (method == PathItem.HttpMethod.PATCH) {
                Schema patch = OASFactory.createSchema().ref(schemas.patchOf(schema.getRef()));
                media.getValue().schema(patch);
                content.addMediaType(
                        jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(patch.getRef())));
            }
        }
    }

    private static void document(PathItem.HttpMethod method, Operation op, boolean single, boolean underResource) {
        APIResponses r = op.getResponses();
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        boolean hasBody = op.getRequestBody() != null;
        if (method == PathItem.HttpMethod.POST
                && r.getAPIResponse("200") != null
                && r.getAPIResponse("201") == null
                && !OpenApiOperations.ACTIONS.contains(op.getOperationId())) {
            APIResponse created = r.getAPIResponse("200")
                    .description("Created; Location names the new resource")
                    .addHeader(
                            "Location",
                            OASFactory.createHeader()
                                    .description("URL of the created resource")
                                    .schema(OASFactory.createSchema()
                                            .addType(
                                                    org.eclipse.microprofile.openapi.models.media.Schema.SchemaType
                                                            .STRING)));
            r.removeAPIResponse("200");
            r.addAPIResponse("201", created);
        }
        problem(r, "400", "Malformed request: bad JSON, unknown property, failed validation or bad query parameter");
        if (secured) {
            problem(r, "401", "Missing or invalid bearer token (sent with WWW-Authenticate: Bearer)");
            problem(r, "403", "The token lacks the role this operation needs");
        } else {
            problem(r, "401", "Invalid bearer token: none is needed here, but one that is sent must be valid");
        }
        if (underResource || method != PathItem.HttpMethod.GET) { // a sub-list 404s when its parent does
            problem(r, "404", "No such resource, or one the caller may not see");
        }
        if (hasBody) {
            problem(r, "413", "Request body over 1 MiB");
            problem(r, "415", "Unsupported Content-Type");
        }
        if (method == PathItem.HttpMethod.POST
                || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.DELETE) {
            problem(r, "409", "Conflict: a duplicate slug, or the resource is still referenced");
        }
        if (single
                && (method == PathItem.HttpMethod.PUT
                        || method == PathItem.HttpMethod.PATCH
                        || method == PathItem.HttpMethod.DELETE)) {
            problem(r, "412", "If-Match named a version that is no longer current; nothing was changed");
            header(op, "If-Match", "Only change the resource if its current ETag is one of these (e.g. \"3\")");
        }
        problem(r, "503", "Overloaded: no database connection came free in time; retry after Retry-After seconds");
        r.getAPIResponse("503")
                .addHeader(
                        "Retry-After",
                        OASFactory.createHeader()
                                .description("Seconds to wait before retrying")
                                .schema(OASFactory.createSchema()
                                        .addType(
                                                org.eclipse.microprofile.openapi.models.media.Schema.SchemaType
                                                        .INTEGER)));
        if (method == PathItem.HttpMethod.GET) { // single resources, lists and feeds all send an ETag
            header(op, "If-None-Match", "Answer 304 Not Modified when the current ETag is one of these");
            if (r.getAPIResponse("304") == null) {
                r.addAPIResponse(
                        "304",
                        OASFactory.createAPIResponse().description("Not modified: the client's copy is current"));
            }
        }
    }

    /** Content reads name the records they show, for a CDN to purge by (the keys webhooks carry). */
    private static void surrogateKey(APIResponses responses) {
        for (String code : List.of("200", "304")) {
            APIResponse response = responses.getAPIResponse(code);
            if (response != null) {
                response.addHeader(
                        "Surrogate-Key", OASFactory.createHeader().ref("#/components/headers/Surrogate-Key"));
            }
        }
    }

    private static void problem(APIResponses responses, String code, String description) {
        APIResponse existing = responses.getAPIResponse(code);
        if (existing != null && existing.getContent() != null) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        responses.addAPIResponse(code, response);
    }

    private static void header(Operation op, String name, String description) {
        boolean present =
                op.getParameters() != null && op.getParameters().stream().anyMatch(p -> name.equals(p.getName()));
        if (!present) {
            op.addParameter(OASFactory.createParameter()
                    .name(name)
                    .in(Parameter.In.HEADER)
                    .required(false)
                    .description(description)
                    .schema(OASFactory.createSchema()
                            .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)));
        }
    }
}
