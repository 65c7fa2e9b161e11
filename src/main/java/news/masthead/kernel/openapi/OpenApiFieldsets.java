package news.masthead.kernel.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Documents {@code fields=} on the operations that take it: the parameter as a comma-separated array of the names of
 * the record's top-level fields (so a validating proxy refuses an unknown one), and the 200 answer as either the full
 * record (or page) or its sparse copy, {@code Sparse<Name>}: the same properties with only {@code id} (if any) required. The
 * full schemas keep every field required, so a client that sends no fields may rely on them.
 */
final class OpenApiFieldsets {

    private static final String PREFIX = "#/components/schemas/";
    private static final String SPARSE = "Sparse";

    private final Components components;
    private final List<Operation> operations = new ArrayList<>();

    OpenApiFieldsets(Components components) {
        this.components = components;
    }

    /** Notes an operation; those that take fields are documented by {@link #document()}. */
    void add(Operation op) {
        if (fieldsOf(op) != null) {
            operations.add(op);
        }
    }

    /** Once the record schemas are final (their required fields listed). */
    void document() {
        for (Operation op : operations) {
            MediaType json =
                    op.getResponses().getAPIResponse("200").getContent().getMediaType("application/json");
            String full = json.getSchema().getRef().substring(PREFIX.length());
            Schema items = components.getSchemas().get(full).getProperties().get("items");
            String record = items == null ? full : items.getItems().getRef().substring(PREFIX.length());
            List<Object> names = new ArrayList<>(
                    components.getSchemas().get(record).getProperties().keySet());
            fieldsOf(op)
                    .style(Parameter.Style.FORM)
                    .explode(false)
                    .example(names.subList(0, Math.min(3, names.size())))
                    .schema(OASFactory.createSchema()
                            .addType(SchemaType.ARRAY)
                            .items(OASFactory.createSchema()
                                    .addType(SchemaType.STRING)
                                    .enumeration(names)));
            json.schema(OASFactory.createSchema()
                    .addAnyOf(OASFactory.createSchema().ref(PREFIX + full))
                    .addAnyOf(OASFactory.createSchema().ref(PREFIX + sparse(full, record, items != null))));
        }
    }

    /** The sparse copy of {@code full}: a record, or a page whose items are sparse records. */
    private String sparse(String full, String record, boolean page) {
        String name = SPARSE + full;
        if (components.getSchemas().get(name) == null) {
            Schema original = components.getSchemas().get(full);
            Schema copy = OASFactory.createSchema();
            copy.setAll(original.getAll());
            copy.setProperties(new LinkedHashMap<>(original.getProperties()));
            if (page) {
                copy.addProperty(
                        "items",
                        OASFactory.createSchema()
                                .addType(SchemaType.ARRAY)
                                .items(OASFactory.createSchema().ref(PREFIX + sparse(record, record, false)))
                                .description("This page's items, with the fields asked for"));
            } else {
                boolean hasId = original.getProperties().containsKey("id");
                copy.required(hasId ? List.of("id") : null)
                        .description((original.getDescription() == null ? "" : original.getDescription() + " ")
                                + "Only the fields named by fields=" + (hasId ? " (id always)." : "."));
            }
            components.addSchema(name, copy);
        }
        return name;
    }

    private static Parameter fieldsOf(Operation op) {
        APIResponse ok = op.getResponses() == null ? null : op.getResponses().getAPIResponse("200");
        if (op.getParameters() == null || ok == null || ok.getContent() == null) {
            return null;
        }
        return op.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.QUERY && p.getName().equals("fields"))
                .findFirst()
                .orElse(null);
    }
}
