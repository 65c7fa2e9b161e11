package news.masthead.kernel.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Request-body schemas as the API reads them: Jackson takes null for any field a body may omit, and a
 * JSON Merge Patch may name any field, with null removing it. Response schemas list their fields as required
 * (they are always written, null or not) and say which may be null with {@code @Schema(nullable = true)} on
 * the records themselves.
 */
final class OpenApiSchemas {

    private static final String PREFIX = "#/components/schemas/";
    /** Response fields Jackson leaves out when empty: only with include=..., or only on validation failures. */
    private static final Map<String, Set<String>> SOMETIMES_OMITTED = Map.of(
            "Article", Set.of("people", "places", "quotes", "images"),
            "Quote", Set.of("speaker", "article"),
            "Problem", Set.of("errors"));
    /** Written without their empty fields (NON_NULL or NON_EMPTY): any field may be missing. */
    private static final Set<String> SPARSE = Set.of(
            "Block",
            "Ninjs",
            "NinjsText",
            "NinjsConcept",
            "NinjsPoint",
            "NinjsAssociation",
            "JsonFeed",
            "JsonFeedItem",
            "JsonFeedAuthor");

    private final Components components;
    private final Set<String> inputs = new TreeSet<>();

    OpenApiSchemas(Components components) {
        this.components = components;
    }

    /** Marks the schema a POST, PUT or PATCH body refers to. */
    void input(String ref) {
        inputs.add(ref.substring(PREFIX.length()));
    }

    /** The ref of the merge-patch schema of this input (e.g. ArticleInput → ArticlePatch), made on first use. */
    String patchOf(String ref) {
        String name = ref.substring(PREFIX.length());
        String patchName = name.replaceFirst("Input$", "") + "Patch";
        if (components.getSchemas().get(patchName) == null) {
            Schema input = components.getSchemas().get(name);
            Schema patch = OASFactory.createSchema()
                    .addType(SchemaType.OBJECT)
                    .description("A JSON Merge Patch (RFC 7396) of " + name
                            + ": only the fields to change; null removes a field, "
                            + "arrays replace. The result must be a valid " + name + ".");
            input.getProperties().forEach((field, schema) -> patch.addProperty(field, nullable(schema)));
            components.addSchema(patchName, patch);
        }
        return PREFIX + patchName;
    }

    /** In POST and PUT bodies, an optional field may be null: the same as leaving it out. */
    void makeOptionalInputFieldsNullable() {
        for (String name : inputs) {
            Schema input = components.getSchemas().get(name);
            if (input == null || input.getProperties() == null) {
                continue;
            }
            List<String> required = input.getRequired() == null ? List.of() : input.getRequired();
            Map.copyOf(input.getProperties()).forEach((field, schema) -> {
                if (!required.contains(field)) {
                    input.addProperty(field, nullable(schema));
                }
            });
        }
    }

    /**
     * Every other response field is always present (null when it has no value), so generated clients need not
     * test for it; the page envelope's total is left out with total=false. The spec validator of the test
     * suite fails on any response that lacks a field declared here.
     */
    void requireResponseFields() {
        components.getSchemas().forEach((name, schema) -> {
            if (schema.getProperties() == null
                    || inputs.contains(name)
                    || name.endsWith("Input")
                    || name.endsWith("Patch")
                    || SPARSE.contains(name)) {
                return;
            }
            Set<String> omitted = name.startsWith("Page")
                    ? Set.of("total", "totalIsEstimate")
                    : SOMETIMES_OMITTED.getOrDefault(name, Set.of());
            schema.getProperties().keySet().stream()
                    .filter(f -> !omitted.contains(f))
                    .forEach(f -> {
                        if (schema.getRequired() == null
                                || !schema.getRequired().contains(f)) {
                            schema.addRequired(f);
                        }
                    });
        });
    }

    /**
     * SmallRye writes {@code @Schema(nullable = true)} on a referenced type as a type array next to
     * {@code anyOf: [$ref, null]}; the anyOf alone says it. It writes {@code @Schema(type = ARRAY, ref = "X")}
     * (an array of a schema the declaring class may not import, as an article's included quotes) as a
     * {@code $ref} beside {@code type: array}; the ref belongs to the items.
     */
    void tidy() {
        components.getSchemas().values().forEach(schema -> {
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(p -> {
                    if (p.getAnyOf() != null && p.getAnyOf().stream().anyMatch(OpenApiSchemas::isNull)) {
                        p.setType(null);
                    }
                    if (p.getRef() != null && List.of(SchemaType.ARRAY).equals(p.getType()) && p.getItems() == null) {
                        arrayOfRef(p);
                    }
                });
            }
        });
    }

    private static void arrayOfRef(Schema p) {
        Schema items = OASFactory.createSchema().ref(p.getRef());
        Map<String, Object> entries = new LinkedHashMap<>();
        p.getAll().forEach((key, value) -> {
            if (!key.equals("$ref")) {
                entries.put(key, value);
            }
            if (key.equals("type")) {
                entries.put("items", items);
            }
        });
        p.setAll(entries);
    }

    private static Schema nullable(Schema schema) {
        if (schema.getRef() != null) {
            Schema wrapped = OASFactory.createSchema()
                    .addAnyOf(OASFactory.createSchema().ref(schema.getRef()))
                    .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
            return schema.getDescription() == null ? wrapped : wrapped.description(schema.getDescription());
        }
        Schema copy = OASFactory.createSchema();
        copy.setAll(schema.getAll());
        if (schema.getType() != null && !schema.getType().contains(SchemaType.NULL)) {
            List<SchemaType> types = new ArrayList<>(schema.getType()); // the copy must not share the original's list
            types.add(SchemaType.NULL);
            copy.setType(types);
        }
        return copy;
    }

    private static boolean isNull(Schema s) {
        return s.getType() != null && s.getType().equals(List.of(SchemaType.NULL));
    }
}
