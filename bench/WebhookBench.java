import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook benchmark against a running service (run by bench/webhooks.sh): a receiver on 127.0.0.1 that answers 200 at
 * once, then (1) deliveries per second: BACKLOG people written before a webhook exists, replayed to it, timed from the
 * replay to the last arrival; (2) commit-to-delivery latency: RATE writes per second for SECONDS, each timed from the
 * answer of its POST (the commit is done by then) to its arrival at the receiver; p50, p99, max.
 *   java bench/WebhookBench.java BASE ADMIN_TOKEN [BACKLOG] [RATE] [SECONDS]
 */
public class WebhookBench {

    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;
    static String admin;

    public static void main(String[] args) throws Exception {
        base = args[0];
        admin = args[1];
        int backlog = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;

        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        AtomicInteger received = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/", ex -> {
            long now = System.nanoTime();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = ID.matcher(body);
            if (m.find()) {
                arrivals.putIfAbsent(m.group(1), now);
            }
            received.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

        // (1) throughput: a backlog written first, then replayed to a new webhook
        String cursor = match(NEXT, call("GET", "/changes?limit=1000&after=" + lastCursor(), null));
        List<String> ids = write(backlog, 8);
        String hook = match(ID, call("POST", "/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"people.*\"],\"scope\":\"all\"}"));
        long start = System.nanoTime();
        call("POST", "/webhooks/" + hook + "/replay", "{\"after\":\"" + cursor + "\"}");
        while (!arrivals.keySet().containsAll(ids)) {
            Thread.sleep(5);
        }
        double secs = (arrivals.values().stream().mapToLong(Long::longValue).max().getAsLong() - start) / 1e9;
        System.out.printf("deliveries: %d entries in %.2f s = %.0f deliveries/s (receiver answering at once)%n",
                ids.size(), secs, ids.size() / secs);

        // (2) latency at a steady write rate
        arrivals.clear();
        Map<String, Long> committed = new ConcurrentHashMap<>();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        long period = 1_000_000_000L / rate;
        long t0 = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = t0 + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            writers.execute(() -> {
                String id = match(ID, call("POST", "/people", "{\"name\":\"Latency " + System.nanoTime() + "\"}"));
                committed.put(id, System.nanoTime());
            });
        }
        writers.shutdown();
        writers.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!arrivals.keySet().containsAll(committed.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        List<Double> ms = new ArrayList<>();
        committed.forEach((id, at) -> ms.add((arrivals.getOrDefault(id, Long.MAX_VALUE) - at) / 1e6));
        Collections.sort(ms);
        double writeRate = total / ((System.nanoTime() - t0) / 1e9);
        System.out.printf("latency commit->delivery at %d writes/s (%d writes, %.1f/s achieved): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                rate, total, writeRate, ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.99) - 1), ms.get(ms.size() - 1));
        call("DELETE", "/webhooks/" + hook, null);
        receiver.stop(0);
        System.exit(0);
    }

    static String lastCursor() {
        String next = "";
        while (true) {
            String page = call("GET", "/changes?limit=1000" + (next.isEmpty() ? "" : "&after=" + next), null);
            String n = match(NEXT, page);
            if (n.equals(next) || !page.contains("\"seq\"")) {
                return n;
            }
            next = n;
        }
    }

    static List<String> write(int n, int threads) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < n; i++) {
            pool.execute(() -> ids.add(match(ID, call("POST", "/people", "{\"name\":\"Backlog " + System.nanoTime() + "\"}"))));
        }
        pool.shutdown();
        pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        return ids;
    }

    static String call(String method, String path, String json) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + admin);
            b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                    : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            throw new IllegalStateException(p + " not in " + s);
        }
        return m.group(1);
    }
}
