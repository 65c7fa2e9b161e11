package news.masthead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.restassured.response.Response;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whole-body assertions: the response's JSON must equal the expected JSON (property order aside; arrays in order), except for the
 * values of volatile properties, which are compared only for being there. {@code id}, {@code createdAt} and
 * {@code updatedAt} are volatile everywhere in the tree; name more (e.g. {@code version}, {@code publishedAt}) when
 * a test does not fix them. A missing or extra property fails, so a changed shape is caught.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> ALWAYS_VOLATILE = List.of("id", "createdAt", "updatedAt");
    private static final TextNode ANY = TextNode.valueOf("<volatile>");

    private Json() {}

    /** Asserts the response body equals this JSON (a text block reads best) but for the volatile values. */
    public static void assertBody(String expected, Response response, String... alsoVolatile) {
        assertJson(expected, response.asString(), alsoVolatile);
    }

    public static void assertJson(String expected, String actual, String... alsoVolatile) {
        Set<String> volatileNames = new HashSet<>(ALWAYS_VOLATILE);
        volatileNames.addAll(List.of(alsoVolatile));
        JsonNode want = masked(read(expected), volatileNames);
        JsonNode got = masked(read(actual), volatileNames);
        if (!want.equals(got)) {
            assertEquals(
                    want.toPrettyString(), got.toPrettyString(), "the whole body (volatile: " + volatileNames + ")");
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static JsonNode masked(JsonNode node, Set<String> volatileNames) {
        if (node instanceof ObjectNode object) {
            object.properties()
                    .forEach(p -> p.setValue(
                            volatileNames.contains(p.getKey()) && !p.getValue().isNull()
                                    ? ANY
                                    : masked(p.getValue(), volatileNames)));
        } else if (node.isArray()) {
            node.forEach(child -> masked(child, volatileNames));
        }
        return node;
    }
}
