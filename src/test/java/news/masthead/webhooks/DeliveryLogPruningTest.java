package news.masthead.webhooks;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import news.masthead.kernel.config.CmsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The delivery log keeps cms.webhooks.delivery-retention (7 days by default): a delivery worker deletes older attempts
 * when it starts and every minute after. Here a fresh worker (as a new instance would be) finds attempts logged just
 * over and just under 7 days ago.
 */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class DeliveryLogPruningTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Attempts attempts;

    @Inject
    PgConnections connections;

    @Inject
    CmsConfig cms;

    private DeliveryWorker worker;

    @AfterEach
    void cleanUp() {
        if (worker != null) {
            worker.halt();
        }
        Hooks.deleteAll();
    }

    @Test
    void attemptsOlderThanSevenDaysArePrunedAndYoungerOnesKept() throws Exception {
        assertEquals(java.time.Duration.ofDays(7), cms.webhooks().deliveryRetention());
        String id = Hooks.create("http://192.0.2.10/hook", List.of("people.*"), "all")
                .id();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        insert into webhook_deliveries (webhook_id, seq, type, attempt, status, duration_ms, error, at)
                        values (?, ?, 'people.upsert', 1, 200, 3, null, now() - cast(? as interval))""")) {
            log(ps, id, 1, "7 days 1 minute");
            log(ps, id, 2, "8 days");
            log(ps, id, 3, "6 days 23 hours");
        }
        assertEquals(List.of(3, 2, 1), seqs(id));
        worker = new DeliveryWorker("pruner", attempts, connections, cms.webhooks());
        worker.start();
        long end = System.currentTimeMillis() + 5000;
        while (seqs(id).size() > 1 && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertEquals(List.of(3), seqs(id));
    }

    private static void log(PreparedStatement ps, String webhook, long seq, String age) throws Exception {
        ps.setObject(1, UUID.fromString(webhook));
        ps.setLong(2, seq);
        ps.setString(3, age);
        ps.executeUpdate();
    }

    private static List<Integer> seqs(String webhook) {
        return Hooks.deliveries(webhook).stream()
                .map((Map<String, Object> d) -> ((Number) d.get("seq")).intValue())
                .toList();
    }
}
