package news.masthead.webhooks;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static news.masthead.Api.admin;
import static news.masthead.Api.person;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the default configuration (cms.webhooks.allow-private-addresses=false): no request into the service's own network. */
@QuarkusTest
class WebhookSafetyTest {

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void cleanUp() {
        Hooks.deleteAll();
        ScriptedDns.forget("rebind.test");
    }

    @Test
    void urlsReachingLoopbackPrivateLinkLocalOrMulticastAddressesAreRefused() {
        List<String> refused = List.of(
                "http://127.0.0.1/hook",
                "http://127.1.2.3:8080/",
                "http://localhost/hook",
                "http://10.1.2.3/",
                "http://172.16.0.1/",
                "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/",
                "http://0.0.0.0/",
                "http://224.0.0.1/",
                "http://255.255.255.255/",
                "http://[::1]/",
                "http://[::]/",
                "http://[fd12:3456::1]/",
                "http://[fc00::1]/",
                "http://[fe80::1]/",
                "http://[ff02::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:10.0.0.1]/",
                "http://[::127.0.0.1]/",
                "http://[64:ff9b::a00:1]/",
                "http://[::ffff:169.254.169.254]/",
                "http://loopback.test/hook",
                "http://mapped.test/hook",
                "http://mixed.test/hook",
                "ftp://192.0.2.10/",
                "file:///etc/passwd",
                "http://user:pw@192.0.2.10/",
                "gopher://192.0.2.10/",
                "//192.0.2.10/",
                "not a url");
        ScriptedDns.answer("loopback.test", "127.0.0.1");
        ScriptedDns.answer("mapped.test", "::ffff:10.0.0.1");
        ScriptedDns.answer("mixed.test", "192.0.2.10", "fe80::1"); // one private answer among public ones is enough
        List<String> accepted = new ArrayList<>();
        for (String url : refused) {
            int status = admin().body(Map.of("url", url))
                    .post("/api/v1/webhooks")
                    .then()
                    .extract()
                    .statusCode();
            if (status != 400) {
                accepted.add(url + " → " + status);
            }
        }
        assertEquals(List.of(), accepted);
        admin().body(Map.of("url", "http://10.0.0.1/"))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString("allow-private-addresses"));
    }

    @Test
    void aPublicAddressIsAccepted() {
        admin().body(Map.of("url", "https://192.0.2.10/hook"))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201);
        admin().body(Map.of("url", "http://[2001:db8::1]:8443/hook"))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201);
    }

    @Test
    void anAddressIsCheckedAgainAtEachAttempt() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String id = Hooks.create("http://192.0.2.10/hook", List.of("people.*"), "all")
                    .id();
            // As if the name now resolved to this machine (DNS rebinding): the row is changed under the service.
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("update webhooks set url = ? where id = ?")) {
                ps.setString(1, receiver.url());
                ps.setObject(2, UUID.fromString(id));
                ps.executeUpdate();
            }
            person("Rebound " + unique());
            receiver.await(
                    "a refused attempt in the log",
                    5000,
                    () -> !Hooks.deliveries(id).isEmpty());
            Map<String, Object> attempt = Hooks.deliveries(id).get(0);
            assertNull(attempt.get("status"));
            assertTrue(
                    ((String) attempt.get("error")).startsWith("not sent: the url resolves to 127.0.0.1"),
                    attempt.toString());
            assertEquals(List.of(), receiver.hits());
        }
    }

    @Test
    void aNameRepointedAtLoopbackIsRefusedAtDeliveryWithoutAConnection() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ScriptedDns.answer("rebind.test", "192.0.2.10");
            String id = Hooks.create(
                            "http://rebind.test:" + listener.getLocalPort() + "/hook", List.of("people.*"), "all")
                    .id();
            ScriptedDns.answer("rebind.test", "127.0.0.1"); // the name now points at this machine
            person("Rebound " + unique());
            long end = System.currentTimeMillis() + 5000;
            while (Hooks.deliveries(id).isEmpty() && System.currentTimeMillis() < end) {
                Thread.sleep(50);
            }
            Map<String, Object> attempt = Hooks.deliveries(id).get(0);
            assertNull(attempt.get("status"));
            assertEquals(
                    "not sent: the url resolves to 127.0.0.1, a loopback, private, link-local, multicast or unspecified "
                            + "address (allowed only with cms.webhooks.allow-private-addresses=true)",
                    attempt.get("error"));
            assertEquals(0, connections.get());
        }
    }
}
