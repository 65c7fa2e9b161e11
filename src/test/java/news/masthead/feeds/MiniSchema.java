package news.masthead.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The few JSON Schema keywords the ninjs subset uses: type, required, properties,
 * additionalProperties: false, items, enum, format (uri, date-time) and $ref to a definition.
 */
final class MiniSchema {

    private final JsonNode root;

    private MiniSchema(JsonNode root) {
        this.root = root;
    }

    static MiniSchema load(String resource) throws IOException {
        try (InputStream in = MiniSchema.class.getClassLoader().getResourceAsStream(resource)) {
            return new MiniSchema(new ObjectMapper().readTree(in));
        }
    }

    /** Every violation, as "path: problem"; empty when the document is valid. */
    List<String> validate(JsonNode doc) {
        List<String> errors = new ArrayList<>();
        check(root, doc, "$", errors);
        return errors;
    }

    private void check(JsonNode given, JsonNode value, String path, List<String> errors) {
        JsonNode schema = given.has("$ref")
                ? root.get("definitions").get(given.get("$ref").asText())
                : given;
        String type = schema.path("type").asText("");
        boolean typeOk = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            default -> true;
        };
        if (!typeOk) {
            errors.add(path + ": expected " + type + " but was " + value.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(value);
            }
            if (!found) {
                errors.add(path + ": " + value + " not in " + schema.get("enum"));
            }
        }
        if (schema.has("format") && value.isTextual()) {
            String f = schema.get("format").asText();
            try {
                if (f.equals("date-time")) {
                    OffsetDateTime.parse(value.asText());
                } else if (f.equals("uri") && URI.create(value.asText()).getScheme() == null) {
                    errors.add(path + ": not an absolute URI: " + value.asText());
                }
            } catch (RuntimeException e) {
                errors.add(path + ": not a " + f + ": " + value.asText());
            }
        }
        if (value.isObject()) {
            for (JsonNode r : schema.path("required")) {
                if (!value.has(r.asText())) {
                    errors.add(path + ": missing required " + r.asText());
                }
            }
            JsonNode props = schema.path("properties");
            value.fieldNames().forEachRemaining(name -> {
                if (props.has(name)) {
                    check(props.get(name), value.get(name), path + "." + name, errors);
                } else if (schema.path("additionalProperties").isBoolean()
                        && !schema.get("additionalProperties").asBoolean()) {
                    errors.add(path + ": property not in the schema: " + name);
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", errors);
            }
        }
    }
}
