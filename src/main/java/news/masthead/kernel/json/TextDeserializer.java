package news.masthead.kernel.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import news.masthead.kernel.text.TextRule;

import java.io.IOException;

/** Strings of request bodies: only what {@link TextRule} admits. */
class TextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String s = super.deserialize(p, ctxt);
        String why = s == null ? null : TextRule.problem(s);
        return why == null ? s : (String) ctxt.handleWeirdStringValue(String.class, s, "%s", why);
    }
}
