package news.masthead.webhooks;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import news.masthead.kernel.config.CmsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static news.masthead.Api.person;
import static news.masthead.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances on one database, as two delivery workers with connections of their own (the service's own worker is
 * stopped meanwhile): each attempt is made by one of them, and an attempt cut off by a dying instance is made again by
 * the other.
 */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class TwoWorkersTest {

    @Inject
    Attempts attempts;

    @Inject
    PgConnections connections;

    @Inject
    CmsConfig cms;

    @Inject
    DeliveryWorkers serviceWorker;

    private final List<DeliveryWorker> started = new ArrayList<>();

    @BeforeEach
    void stopTheServiceWorker() {
        serviceWorker.stop(null);
    }

    @AfterEach
    void restore() {
        started.forEach(DeliveryWorker::halt);
        Hooks.deleteAll();
        serviceWorker.start(null);
    }

    private DeliveryWorker worker(String name) {
        DeliveryWorker w = new DeliveryWorker(name, attempts, connections, cms.webhooks());
        started.add(w);
        w.start();
        return w;
    }

    @Test
    void twoInstancesDeliverEachEntryOnceInOrder() throws Exception {
        worker("instance-a");
        worker("instance-b");
        try (Receiver receiver = new Receiver()) {
            var hook = Hooks.create(receiver.url(), List.of("people.*"), "all");
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                writes.add(writers.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        person("Twice " + unique());
                    }
                }));
            }
            for (Future<?> f : writes) {
                f.get();
            }
            writers.shutdown();
            receiver.await("60 people", 20_000, () -> receiver.hits().size() >= 60);
            Thread.sleep(500); // room for a duplicate to show up
            Hooks.assertInOrderOnceExceptRetries(receiver, hook.id(), 60);
        }
    }

    @Test
    void anAttemptCutOffByADyingInstanceIsMadeByAnother() throws Exception {
        DeliveryWorker dying = worker("instance-a");
        try (Receiver receiver = new Receiver().answering(n -> new Receiver.Answer(200, n == 0 ? 1500 : 0, null, 0))) {
            var hook = Hooks.create(receiver.url(), List.of("people.*"), "all");
            String first = person("Cut off " + unique());
            receiver.await("the first attempt", 5000, () -> receiver.hits().size() == 1);
            dying.halt(); // mid-attempt: its transaction never commits
            worker("instance-b");
            String second = person("After " + unique());
            receiver.await(
                    "the entry again, then the next",
                    8000,
                    () -> receiver.hits().size() >= 3);
            List<Receiver.Hit> hits = receiver.hits();
            assertEquals(
                    List.of(first, first, second),
                    hits.stream().map(h -> h.json().getString("id")).toList());
            assertEquals(hits.get(0).id(), hits.get(1).id());
            Set<Object> attemptsLogged = new HashSet<>();
            Hooks.deliveries(hook.id()).forEach(d -> attemptsLogged.add(d.get("seq")));
            assertEquals(
                    2, attemptsLogged.size(), "the cut-off attempt is not in the log: only the other instance's two");
        }
    }
}
