package news.masthead.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A RestAssured filter that checks every exchange of the test suite against the committed spec,
 * openapi/openapi.yaml: the operation exists, the response status and content type are declared, JSON
 * bodies match their schemas (JSON Schema 2020-12, formats asserted), and, when the service accepted the
 * request (status below 400), its query parameters, content type and JSON body are declared too. An answer to a
 * request without fields= must match the full record's schema, not just its sparse copy. A request the service refused may break the spec on purpose (that is what the error tests send), so only its
 * answer is checked. Exchanges that match no operation (health, metrics, the spec itself, 404s of unknown
 * paths, 405s) are counted apart. A violation fails the test that made the request.
 */
public final class SpecValidator implements Filter {

    /** Shared by every class loader the suite runs in (Quarkus gives each test profile its own). */
    static final String VALIDATED = "masthead.spec.validated";

    static final String UNMATCHED = "masthead.spec.unmatched";

    private static final Path SPEC = Path.of("openapi/openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static volatile SpecValidator instance;

    private final JsonNode spec;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final String base = SPEC.toAbsolutePath().toUri().toString();
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    private SpecValidator() {
        try {
            spec = new YAMLMapper().readTree(SPEC.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                b -> b.metaSchema(OpenApi31.getInstance())
                        .defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
        spec.get("paths")
                .fieldNames()
                .forEachRemaining(p -> templates.add(new Template(
                        p,
                        Pattern.compile(Pattern.quote(p).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")),
                        p.indexOf('{') < 0)));
        templates.sort(Comparator.comparing((Template t) -> !t.literal)); // /feeds/articles.atom before /{x}
    }

    /** Installs the filter for every RestAssured request made through this class loader (idempotent). */
    public static void install() {
        if (instance == null) {
            synchronized (SpecValidator.class) {
                if (instance == null) {
                    instance = new SpecValidator();
                    RestAssured.filters(instance);
                }
            }
        }
    }

    static long count(String key) {
        return Long.parseLong(System.getProperty(key, "0"));
    }

    /** Kept as a string system property: code that reads system properties as config expects only strings. */
    private static void increment(String key) {
        synchronized (System.getProperties()) {
            System.setProperty(key, Long.toString(count(key) + 1));
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        String method = request.getMethod().toLowerCase();
        Optional<String> template = templates.stream()
                .filter(t -> t.pattern.matcher(uri.getRawPath()).matches())
                .map(t -> t.path)
                .filter(p -> spec.get("paths").get(p).has(method))
                .findFirst();
        if (template.isEmpty() || !METHODS.contains(method)) {
            increment(UNMATCHED);
            return response;
        }
        String opPointer = "/paths/" + escape(template.get()) + "/" + method;
        List<String> problems = new ArrayList<>();
        checkResponse(opPointer, response, uri, problems);
        if (response.statusCode() < 400) {
            checkRequest(opPointer, request, uri, problems);
        }
        increment(VALIDATED);
        if (!problems.isEmpty()) {
            throw new AssertionError("The exchange " + request.getMethod() + " " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " → " + response.statusCode()
                    + " breaks openapi/openapi.yaml (" + opPointer + "):\n  " + String.join("\n  ", problems)
                    + "\nResponse body: " + abbreviate(response.asString()));
        }
        return response;
    }

    private void checkResponse(String opPointer, Response response, URI uri, List<String> problems) {
        String status = Integer.toString(response.statusCode());
        JsonNode declared = spec.at(opPointer + "/responses/" + status);
        if (declared.isMissingNode()) {
            problems.add("response status " + status + " is not declared");
            return;
        }
        byte[] body = response.asByteArray();
        if (body.length == 0) {
            return;
        }
        String mediaType = mediaType(response.getContentType());
        JsonNode content = declared.path("content");
        if (!content.has(mediaType)) {
            problems.add("response content type " + mediaType + " is not declared for " + status + " (declared: "
                    + names(content) + ")");
            return;
        }
        String schema = opPointer + "/responses/" + status + "/content/" + escape(mediaType) + "/schema";
        if (spec.at(schema + "/anyOf/1/$ref").asText().startsWith("#/components/schemas/Sparse")
                && (uri.getRawQuery() == null || !("&" + uri.getRawQuery()).contains("&fields="))) {
            schema += "/anyOf/0"; // asked for no fieldset: the full record, every field required, not its sparse copy
        }
        validate(schema, mediaType, body, "response", problems);
    }

    private void checkRequest(
            String opPointer, FilterableRequestSpecification request, URI uri, List<String> problems) {
        Set<String> declaredQuery = new HashSet<>();
        spec.at(opPointer + "/parameters").forEach(p -> {
            if ("query".equals(p.path("in").asText())) {
                declaredQuery.add(p.path("name").asText());
            }
        });
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!declaredQuery.contains(name)) {
                    problems.add("query parameter " + name + " is not declared");
                }
            }
        }
        byte[] body = requestBody(request.getBody());
        if (body == null || body.length == 0) {
            return;
        }
        JsonNode content = spec.at(opPointer + "/requestBody/content");
        String mediaType = mediaType(request.getContentType());
        if (!content.has(mediaType)) {
            problems.add("request content type " + mediaType + " is not declared (declared: " + names(content) + ")");
            return;
        }
        validate(
                opPointer + "/requestBody/content/" + escape(mediaType) + "/schema",
                mediaType,
                body,
                "request",
                problems);
    }

    private void validate(String pointer, String mediaType, byte[] body, String what, List<String> problems) {
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            return; // Atom XML: its content type is what the spec can say
        }
        if (spec.at(pointer).isMissingNode()) {
            problems.add(what + " body has no schema in the spec");
            return;
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            if (what.equals("response")) {
                problems.add("response body is not JSON: " + e.getMessage());
            }
            return;
        }
        JsonSchema schema =
                schemas.computeIfAbsent(pointer, p -> factory.getSchema(SchemaLocation.of(base + "#" + p), config));
        for (ValidationMessage m : schema.validate(node)) {
            problems.add(what + " body: " + m.getMessage());
        }
    }

    private byte[] requestBody(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mediaType(String contentType) {
        return contentType == null || contentType.isBlank()
                ? ""
                : contentType.split(";")[0].trim().toLowerCase();
    }

    private static String escape(String pointerPart) {
        return pointerPart.replace("~", "~0").replace("/", "~1");
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return String.join(", ", names);
    }

    private static String abbreviate(String s) {
        return s.length() > 2_000 ? s.substring(0, 2_000) + "…" : s;
    }

    private record Template(String path, Pattern pattern, boolean literal) {}
}
