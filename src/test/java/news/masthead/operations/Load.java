package news.masthead.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Concurrent GET clients over 127.0.0.1 for a bounded time, counting what came back. Plain threads and the JDK's client,
 * so that the load does not depend on RestAssured's per-request overhead.
 */
final class Load {

    /** What one request to the server may answer without failing a load test: 2xx/3xx, or 503 that says when to retry. */
    record Tally(String route, long requests, long unavailable, Map<String, Long> failures, long maxMillis) {

        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            return "%-58s %6d requests, %4d x 503, max %5d ms, failures %s"
                    .formatted(route, requests, unavailable, maxMillis, failures);
        }
    }

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    Load(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpRequest get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .GET();
        headers.forEach(b::header);
        return b.build();
    }

    /** Sends {@code requests} from {@code clients} threads, each as fast as answers come, until {@code duration} has passed. */
    Tally run(String route, int clients, Duration duration, Supplier<HttpRequest> requests)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong count = new AtomicLong();
        AtomicLong unavailable = new AtomicLong();
        AtomicLong max = new AtomicLong();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(
                    () -> {
                        while (System.nanoTime() < end) {
                            long start = System.nanoTime();
                            String outcome = send(requests.get());
                            max.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                            count.incrementAndGet();
                            if (outcome.equals("503")) {
                                unavailable.incrementAndGet();
                            } else if (!outcome.equals("ok")) {
                                failures.merge(outcome, 1L, Long::sum);
                            }
                        }
                    },
                    "load-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Tally(route, count.get(), unavailable.get(), Map.copyOf(failures), max.get());
    }

    /** "ok" for 2xx/3xx, "503" for a 503 with Retry-After, else what went wrong. */
    String send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() < 400) {
                return "ok";
            }
            if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()) {
                return "503";
            }
            return r.statusCode() + " "
                    + new String(r.body()).lines().findFirst().orElse("");
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Milliseconds one request took, negative when it did not answer 200. */
    long timed(HttpRequest request) {
        long start = System.nanoTime();
        int status;
        try {
            status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        return status == 200 ? ms : -ms;
    }
}
