package news.masthead.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.fail;

/** A webhook endpoint on 127.0.0.1 for tests: records every request, answers as the test says (200 by default). */
final class Receiver implements AutoCloseable {

    /** One request as it arrived. */
    record Hit(
            String id,
            String timestamp,
            String signature,
            String body,
            long arrivedNanos,
            String path,
            String type,
            String host) {
        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to answer to the n-th request (0-based): a status, after a pause. */
    record Answer(int status, long delayMs, String location, int bodyBytes) {
        static Answer status(int status) {
            return new Answer(status, 0, null, 0);
        }
    }

    private final HttpServer server;
    private final List<Hit> hits = new ArrayList<>();
    private volatile Function<Integer, Answer> answers = n -> Answer.status(200);

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    int port() {
        return server.getAddress().getPort();
    }

    Receiver answering(Function<Integer, Answer> answers) {
        this.answers = answers;
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        long arrived = System.nanoTime();
        Hit hit = new Hit(
                ex.getRequestHeaders().getFirst("webhook-id"),
                ex.getRequestHeaders().getFirst("webhook-timestamp"),
                ex.getRequestHeaders().getFirst("webhook-signature"),
                new String(body, StandardCharsets.UTF_8),
                arrived,
                ex.getRequestURI().getPath(),
                JSON.readTree(body).path("type").asText(),
                ex.getRequestHeaders().getFirst("Host"));
        int n;
        synchronized (hits) {
            n = hits.size();
            hits.add(hit);
            hits.notifyAll();
        }
        Answer a = answers.apply(n);
        try {
            Thread.sleep(a.delayMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (a.location() != null) {
            ex.getResponseHeaders().add("Location", a.location());
        }
        try {
            ex.sendResponseHeaders(a.status(), a.bodyBytes() == 0 ? -1 : a.bodyBytes());
            if (a.bodyBytes() > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(new byte[a.bodyBytes()]);
                }
            }
        } catch (IOException gone) {
            // the sender gave up (timeout): nothing to answer
        }
        ex.close();
    }

    List<Hit> hits() {
        synchronized (hits) {
            return List.copyOf(hits);
        }
    }

    /** The requests whose body has this type (e.g. people.upsert). */
    List<Hit> hits(String type) {
        return hits().stream().filter(h -> type.equals(h.type())).toList();
    }

    /** Waits until {@code done} holds, failing after {@code timeoutMs}. */
    void await(String what, long timeoutMs, BooleanSupplier done) {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!done.getAsBoolean()) { // evaluated without the lock: the receiver answers meanwhile
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                fail("Timed out waiting for " + what + "; received " + hits().size() + ": "
                        + hits().stream().map(Hit::body).toList());
            }
            synchronized (hits) {
                try {
                    hits.wait(Math.min(left, 50));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
