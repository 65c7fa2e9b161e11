package news.masthead.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;


/**
 * Documents what every operation shares, so the resources need not repeat it: the problem+json
 * error responses, the conditional-request headers, and the bearer scheme.
 */
public class OpenApiFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSecurityScheme("bearer", OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API token: `Authorization: Bearer <token>`. Editors write content; admins also manage tokens."));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            boolean single = path.endsWith("}");
            boolean underResource = path.contains("{");
            item.getOperations().forEach((method, op) -> document(method, op, single, underResource));
        });
    }

    private static void document(PathItem.HttpMethod method, Operation op, boolean single, boolean underResource) {
        APIResponses r = op.getResponses();
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        boolean hasBody = op.getRequestBody() != null;
        if (method == PathItem.HttpMethod.POST && r.getAPIResponse("200") != null && r.getAPIResponse("201") == null) {
            APIResponse created = r.getAPIResponse("200").description("Created; Location names the new resource")
                    .addHeader("Location", OASFactory.createHeader().description("URL of the created resource")
                            .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)));
            r.removeAPIResponse("200");
            r.addAPIResponse("201", created);
        }
        problem(r, "400", "Malformed request: bad JSON, unknown property, failed validation or bad query parameter");
        if (secured) {
            problem(r, "401", "Missing or invalid bearer token (sent with WWW-Authenticate: Bearer)");
            problem(r, "403", "The token lacks the role this operation needs");
        }
        if (underResource || method != PathItem.HttpMethod.GET) { // a sub-list 404s when its parent does
            problem(r, "404", "No such resource, or one the caller may not see");
        }
        if (hasBody) {
            problem(r, "413", "Request body over 1 MiB");
            problem(r, "415", "Unsupported Content-Type");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE) {
            problem(r, "409", "Conflict: a duplicate slug, or the resource is still referenced");
        }
        if (single && (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE)) {
            problem(r, "412", "If-Match named a version that is no longer current; nothing was changed");
            header(op, "If-Match", "Only change the resource if its current ETag is one of these (e.g. \"3\")");
        }
        problem(r, "503", "Overloaded: no database connection came free in time; retry after Retry-After seconds");
        r.getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER)));
        if (single && method == PathItem.HttpMethod.GET) {
            header(op, "If-None-Match", "Answer 304 Not Modified when the current ETag is one of these");
            if (r.getAPIResponse("304") == null) {
                r.addAPIResponse("304", OASFactory.createAPIResponse().description("Not modified: the client's copy is current"));
            }
        }
    }

    private static void problem(APIResponses responses, String code, String description) {
        APIResponse existing = responses.getAPIResponse(code);
        if (existing != null && existing.getContent() != null) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        responses.addAPIResponse(code, response);
    }

    private static void header(Operation op, String name, String description) {
        boolean present = op.getParameters() != null && op.getParameters().stream().anyMatch(p -> name.equals(p.getName()));
        if (!present) {
            op.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(false)
                    .description(description).schema(OASFactory.createSchema().addType(
                            org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)));
        }
    }
}
