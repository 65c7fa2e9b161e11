package news.masthead.kernel.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one-pass scan behind Surrogate-Key, on bodies whose escaped quotes and backslashes fall at every offset. */
class SurrogateKeysScanTest {

    private static final String ARTICLE = "11111111-1111-1111-1111-111111111111";
    private static final String PERSON = "22222222-2222-2222-2222-222222222222";
    private static final String PLACE = "33333333-3333-3333-3333-333333333333";
    private static final String RELATED = "44444444-4444-4444-4444-444444444444";
    private static final String IMAGE = "55555555-5555-5555-5555-555555555555";
    private static final String QUOTED = "66666666-6666-6666-6666-666666666666";

    @Test
    void everyEmbeddedRecordIsNamedWhateverTheStringsBeforeItHold() {
        for (int pad = 0; pad < 20; pad++) {
            // A lone escaped quote, then text shaped like a field naming a record: all inside the string, so no key.
            String paragraph =
                    "x".repeat(pad) + " said \\\"no\\\" \\\\ to the plan, \u00e9t\u00e9 \u041a\u0438\u0457\u0432,"
                            + " a lone \\\" then \\\\\\\" (an escaped backslash, an escaped quote) then ,\\\"personIds\\\":[\\\""
                            + QUOTED + "\\\"] \\\\";
            String json =
                    "{\"id\":\"" + ARTICLE + "\",\"body\":[{\"type\":\"paragraph\",\"text\":\"" + paragraph + "\"},"
                            + "{\"type\":\"paragraph\",\"text\":\"" + "y".repeat(36) + "\"},"
                            + "{\"type\":\"related\",\"articleId\":\"" + RELATED + "\"}],"
                            + "\"personIds\":[\"" + PERSON + "\"],\"placeIds\":[],"
                            + "\"leadImage\":{\"imageId\":\"" + IMAGE + "\",\"caption\":\"" + paragraph + "\"},"
                            + "\"places\":[{\"id\":\"" + PLACE + "\",\"name\":\"" + paragraph + "\"}]}";
            assertEquals(
                    List.of(
                            "article:" + ARTICLE,
                            "article:" + RELATED,
                            "person:" + PERSON,
                            "image:" + IMAGE,
                            "place:" + PLACE),
                    List.copyOf(SurrogateKeys.of(json.getBytes(StandardCharsets.UTF_8), "article")),
                    "with " + pad + " bytes before the escapes");
        }
    }

    @Test
    void aListPageNamesItsItemsAsRecordsOfItsKind() {
        String page = "{\"items\":[{\"id\":\"" + PERSON + "\",\"name\":\"A \\\"quoted\\\" name\",\"imageId\":null}],"
                + "\"limit\":20,\"next\":null}";
        assertEquals(
                List.of("person:" + PERSON),
                List.copyOf(SurrogateKeys.of(page.getBytes(StandardCharsets.UTF_8), "person")));
    }
}
