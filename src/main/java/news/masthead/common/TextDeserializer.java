package news.masthead.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import java.io.IOException;

/**
 * Strings PostgreSQL can store and give back byte-identical: no NUL character (text and jsonb
 * reject it) and no unpaired UTF-16 surrogate (it has no UTF-8 form). Nor any other control character
 * but tab, line feed and carriage return: XML 1.0 cannot carry them, so no Atom feed could, and
 * they have no place in news text.
 */
class TextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String s = super.deserialize(p, ctxt);
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == 0) {
                    return (String) ctxt.handleWeirdStringValue(String.class, s, "contains a NUL character");
                }
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    return (String) ctxt.handleWeirdStringValue(String.class, s,
                            "contains the control character U+%04X; only tab, line feed and carriage return are allowed", (int) c);
                }
                if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        i++;
                    } else {
                        return (String) ctxt.handleWeirdStringValue(String.class, s, "contains an unpaired surrogate");
                    }
                }
            }
        }
        return s;
    }
}
