package news.masthead.webhooks;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static news.masthead.Api.person;
import static news.masthead.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A delivery connects to the address its url's host was resolved to once (and checked at), never to the answer of a
 * second lookup by the HTTP client: pinned.test resolves to 127.0.0.1 only through the service's own resolver, so the
 * system resolver an HTTP client would ask knows nothing of it.
 */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class PinnedAddressTest {

    @AfterEach
    void cleanUp() {
        Hooks.deleteAll();
        ScriptedDns.forget("pinned.test");
    }

    @Test
    void theRequestGoesToTheResolvedAddressWithTheUrlsHostHeader() throws Exception {
        try (Receiver receiver = new Receiver()) {
            ScriptedDns.answer("pinned.test", "127.0.0.1");
            var hook = Hooks.create(
                    "http://pinned.test:" + receiver.port() + "/hook?site=news", List.of("people.*"), "all");
            String id = person("Pinned " + unique());
            receiver.await(
                    "the person's upsert",
                    5000,
                    () -> receiver.hits("people.upsert").size() == 1);
            Receiver.Hit hit = receiver.hits().get(0);
            assertEquals("pinned.test:" + receiver.port(), hit.host());
            assertEquals("/hook", hit.path());
            assertEquals(id, hit.json().getString("id"));
            // The attempt is logged just after its answer.
            receiver.await(
                    "the attempt logged",
                    5000,
                    () -> !Hooks.deliveries(hook.id()).isEmpty());
            assertEquals(200, Hooks.deliveries(hook.id()).get(0).get("status"));
        }
    }
}
