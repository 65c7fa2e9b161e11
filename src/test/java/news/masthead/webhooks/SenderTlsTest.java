package news.masthead.webhooks;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * https to a pinned address: the TLS server name sent and the name the certificate is verified against are the url's
 * host, not the address connected to. The receiver on 127.0.0.1 holds a certificate for pinned.test only (made with the
 * JDK's keytool), which the sender is told to trust.
 */
class SenderTlsTest {

    @TempDir
    static Path dir;

    private static Vertx vertx;
    private static HttpServer server;
    private static Sender sender;
    private static final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path store = dir.resolve("receiver.p12");
        Path cert = dir.resolve("receiver.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "receiver",
                "-keyalg",
                "EC",
                "-dname",
                "CN=pinned.test",
                "-ext",
                "SAN=dns:pinned.test",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "receiver",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-file",
                cert.toString());
        vertx = Vertx.vertx();
        server = vertx.createHttpServer(new HttpServerOptions()
                        .setSsl(true)
                        .setSni(true)
                        .setKeyCertOptions(
                                new PfxOptions().setPath(store.toString()).setPassword("changeit")))
                .requestHandler(r -> r.body().onSuccess(b -> {
                    seen.add(r.connection().indicatedServerName() + " " + r.getHeader("Host") + " " + r.uri());
                    r.response().setStatusCode(204).end();
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        sender = new Sender(
                vertx,
                Duration.ofSeconds(5),
                new HttpClientOptions().setTrustOptions(new PemTrustOptions().addCertPath(cert.toString())));
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void httpsNamesAndVerifiesTheUrlsHostWhileConnectingToThePinnedAddress() throws Exception {
        seen.clear();
        Sender.Outcome o =
                sender.post(target("https://pinned.test:" + server.actualPort() + "/hook"), Map.of(), "{}".getBytes());
        assertNull(o.error());
        assertEquals(204, o.status());
        assertEquals(List.of("pinned.test pinned.test:" + server.actualPort() + " /hook"), seen);
    }

    @Test
    void aCertificateForAnotherNameIsRefusedBeforeAnythingIsSent() throws Exception {
        seen.clear();
        Sender.Outcome o =
                sender.post(target("https://other.test:" + server.actualPort() + "/hook"), Map.of(), "{}".getBytes());
        assertNull(o.status());
        assertTrue(o.error().startsWith("SSLHandshakeException"), o.error());
        assertTrue(o.error().contains("No subject alternative DNS name matching other.test"), o.error());
        assertEquals(List.of(), seen);
    }

    private static Destination.Target target(String url) throws Exception {
        return new Destination.Target(new URI(url), InetAddress.getByName("127.0.0.1"));
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }
}
