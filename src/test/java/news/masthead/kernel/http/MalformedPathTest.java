package news.masthead.kernel.http;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick check lets through only targets that java.net.URI parses; anything else is left to URI itself. */
class MalformedPathTest {

    @Test
    void everyTargetTheQuickCheckPassesIsAValidUri() {
        String alphabet = "aZ09-._~/?=&,;:@!$'()*+%#[]{}|\\^` \"<>éк\u0000";
        Random random = new Random(16);
        int passed = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder target = new StringBuilder("/");
            for (int i = random.nextInt(12); i > 0; i--) {
                target.append(alphabet.charAt(random.nextInt(alphabet.length())));
                if (random.nextInt(8) == 0) {
                    target.append("%").append("0aFzG".charAt(random.nextInt(5))).append("1b".charAt(random.nextInt(2)));
                }
            }
            if (MalformedPath.plain(target.toString())) {
                passed++;
                try {
                    new URI(target.toString());
                } catch (URISyntaxException e) {
                    throw new AssertionError("passed the quick check but is no URI: " + target, e);
                }
            }
        }
        assertTrue(passed > 1000, "targets that passed: " + passed);
    }

    @Test
    void usualTargetsPassAndBadEscapesOrOddCharactersAreLeftToTheParser() {
        assertTrue(MalformedPath.plain("/api/v1/articles?tag=front-line&fields=id,slug&cursor=YXJ0aWNsZXM="));
        assertTrue(MalformedPath.plain("/api/v1/places/kyiv%20oblast"));
        assertFalse(MalformedPath.plain("/api/v1/articles/%ZZ"));
        assertFalse(MalformedPath.plain("/api/v1/articles/%2"));
        assertFalse(MalformedPath.plain("/api/v1/articles/a b"));
        assertFalse(MalformedPath.plain("/api/v1/articles/київ"));
        assertFalse(MalformedPath.plain("*"));
    }
}
