package news.masthead.kernel.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import news.masthead.kernel.errors.ApiException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;

/**
 * A sparse fieldset, {@code fields=id,slug,headline}: the top-level fields of a record (or of each item of a list
 * page) that a response keeps. {@code id}, where the record has one, is always kept; the fields keep the record's own order, whatever the
 * order asked; a name given twice counts once.
 *
 * @param names the fields kept, id included
 */
public record Fieldset(Set<String> names) {

    public static final String PARAM = "fields";

    private static final JsonFactory JSON = new JsonFactory();

    /** The fieldset {@code value} names, each of them one of {@code allowed}; else a 400 naming the first that is not. */
    public static Fieldset parse(String value, List<String> allowed) {
        Set<String> names = new LinkedHashSet<>();
        if (allowed.contains("id")) { // every record but a webhook delivery (an attempt, not a resource) has one
            names.add("id");
        }
        for (String part : value.split(",", -1)) {
            String name = part.trim();
            if (name.isEmpty()) {
                throw ApiException.InvalidRequest.field(
                        PARAM, "must be a comma-separated list of field names, such as id,slug,headline");
            }
            if (!allowed.contains(name)) {
                throw ApiException.InvalidRequest.field(
                        PARAM, "unknown field '" + name + "'; allowed: " + String.join(", ", allowed));
            }
            names.add(name);
        }
        return new Fieldset(names);
    }

    /** The names in {@code value} (as {@link #parse} reads them, unchecked), or null when it is absent: for renderers. */
    public static Set<String> namesOf(String value) {
        if (value == null) {
            return null;
        }
        Set<String> names = new TreeSet<>(List.of("id"));
        for (String part : value.split(",")) {
            names.add(part.trim());
        }
        return names;
    }

    /** The ETag variant of this fieldset's copy of a record: the same for the same names in any order. */
    public String variant() {
        CRC32 crc = new CRC32();
        crc.update(String.join(",", new TreeSet<>(names)).getBytes(StandardCharsets.UTF_8));
        return "f" + Long.toHexString(crc.getValue());
    }

    /**
     * The JSON document {@code json} with only these fields in its object ({@code page} false) or in each object of
     * its {@code items} array ({@code page} true; the envelope is copied whole). One streaming pass, no tree.
     */
    public byte[] select(byte[] json, boolean page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(json.length, 1 << 16));
        try (JsonParser p = JSON.createParser(json);
                JsonGenerator g = JSON.createGenerator(out)) {
            p.nextToken();
            if (!page) {
                object(p, g);
            } else {
                g.writeStartObject();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    g.writeFieldName(name);
                    if (p.nextToken() == JsonToken.START_ARRAY && name.equals("items")) {
                        g.writeStartArray();
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            object(p, g);
                        }
                        g.writeEndArray();
                    } else {
                        g.copyCurrentStructure(p);
                    }
                }
                g.writeEndObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Copies the object the parser is at, keeping only these fields. */
    private void object(JsonParser p, JsonGenerator g) throws IOException {
        g.writeStartObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (names.contains(name)) {
                g.writeFieldName(name);
                g.copyCurrentStructure(p);
            } else {
                p.skipChildren();
            }
        }
        g.writeEndObject();
    }
}
