package news.masthead.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.masthead.fixtures.Articles;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static news.masthead.Api.ADMIN_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight writers change people and articles over HTTP while one editor and one anonymous reader
 * follow /changes. Replaying what each reader saw (the last op per id) must give exactly the ids
 * that exist (editor) or are visible (anonymous) at the end, and no seq may come twice.
 */
@QuarkusTest
class ChangeFeedConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int OPS_PER_WRITER = 40;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void replayingTheFeedGivesTheDatabaseStateWhileEightWritersRace() throws Exception {
        String startEditor = follow(true, null, new ArrayList<>(), null);
        String startPublic = follow(false, null, new ArrayList<>(), null);
        Set<String> people = ConcurrentHashMap.newKeySet();
        Set<String> articles = ConcurrentHashMap.newKeySet();
        AtomicInteger writes = new AtomicInteger();
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            shared.add(created(send("POST", "people", Map.of("name", "Race shared " + i))));
        }
        people.addAll(shared);

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        List<JsonNode> editorSeen = Collections.synchronizedList(new ArrayList<>());
        List<JsonNode> publicSeen = Collections.synchronizedList(new ArrayList<>());
        Future<String> editorReader = pool.submit(() -> follow(true, startEditor, editorSeen, writing));
        Future<String> publicReader = pool.submit(() -> follow(false, startPublic, publicSeen, writing));
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> {
                List<String> mine = new ArrayList<>();
                List<String> myArticles = new ArrayList<>();
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                for (int i = 0; i < OPS_PER_WRITER; i++) {
                    int pick = rnd.nextInt(10);
                    if (pick < 2 || mine.isEmpty() && pick < 5) {
                        String id = created(send("POST", "people", Map.of("name", "Race person " + rnd.nextInt())));
                        mine.add(id);
                        people.add(id);
                    } else if (pick < 3 && !mine.isEmpty()) {
                        expect(send("DELETE", "people/" + mine.remove(rnd.nextInt(mine.size())), null), 204);
                    } else if (pick < 4) {
                        int status = send(
                                        "PATCH",
                                        "people/" + shared.get(rnd.nextInt(shared.size())),
                                        Map.of("role", "Role " + rnd.nextInt()))
                                .statusCode();
                        assertTrue(status == 200 || status == 409, "shared update: " + status);
                    } else if (pick < 5 && !mine.isEmpty()) {
                        expect(
                                send(
                                        "PATCH",
                                        "people/" + mine.get(rnd.nextInt(mine.size())),
                                        Map.of("description", "Changed " + rnd.nextInt())),
                                200);
                    } else if (pick < 7 || myArticles.isEmpty()) {
                        String status = rnd.nextBoolean() ? "published" : "draft";
                        String id = created(send(
                                "POST",
                                "articles",
                                Articles.article()
                                        .headline("Race article " + rnd.nextInt())
                                        .status(status)
                                        .fields()));
                        myArticles.add(id);
                        articles.add(id);
                    } else if (pick < 9) {
                        String[] statuses = {"draft", "published", "archived"};
                        expect(
                                send(
                                        "PATCH",
                                        "articles/" + myArticles.get(rnd.nextInt(myArticles.size())),
                                        Map.of("status", statuses[rnd.nextInt(3)])),
                                200);
                    } else {
                        expect(
                                send("DELETE", "articles/" + myArticles.remove(rnd.nextInt(myArticles.size())), null),
                                204);
                    }
                    writes.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> w : writers) {
            w.get();
        }
        writing.set(false);
        editorReader.get();
        publicReader.get();
        pool.shutdown();
        assertEquals(WRITERS * OPS_PER_WRITER, writes.get());

        assertNoSeqTwiceAndIncreasing(editorSeen);
        assertNoSeqTwiceAndIncreasing(publicSeen);

        Set<String> ours = new HashSet<>(people);
        ours.addAll(articles);
        assertEquals(existing("people", people), replay(editorSeen, ours, "people"), "people: feed replay = database");
        assertEquals(
                existing("articles", articles),
                replay(editorSeen, ours, "articles"),
                "articles: feed replay = database");
        assertEquals(
                visible(articles), replay(publicSeen, ours, "articles"), "anonymous: feed replay = visible articles");
        assertTrue(
                editorSeen.size() >= WRITERS * OPS_PER_WRITER / 2, "the reader saw the writes: " + editorSeen.size());
    }

    /** Reads /changes from {@code after} until the end; with {@code writing}, keeps polling until it turns false. */
    private String follow(boolean editor, String after, List<JsonNode> seen, AtomicBoolean writing) throws Exception {
        String cursor = after;
        while (true) {
            JsonNode page = get("api/v1/changes?limit=37" + (cursor == null ? "" : "&after=" + cursor), editor);
            page.get("items").forEach(seen::add);
            cursor = page.get("next").asText();
            if (page.get("items").size() < 37) {
                if (writing == null) {
                    return cursor;
                }
                if (!writing.get()) {
                    // One more pass after the last write was answered: its commit is then visible.
                    JsonNode last = get("api/v1/changes?limit=1000&after=" + cursor, editor);
                    last.get("items").forEach(seen::add);
                    if (last.get("items").size() < 1000) {
                        return last.get("next").asText();
                    }
                    cursor = last.get("next").asText();
                }
                Thread.sleep(5);
            }
        }
    }

    private static void assertNoSeqTwiceAndIncreasing(List<JsonNode> seen) {
        long previous = 0;
        for (JsonNode n : seen) {
            long seq = n.get("seq").asLong();
            assertTrue(seq > previous, "seq " + seq + " after " + previous);
            previous = seq;
        }
    }

    private static Set<String> replay(List<JsonNode> seen, Set<String> ours, String collection) {
        Map<String, String> last = new HashMap<>();
        for (JsonNode n : seen) {
            if (n.get("collection").asText().equals(collection)
                    && ours.contains(n.get("id").asText())) {
                last.put(n.get("id").asText(), n.get("op").asText());
            }
        }
        Set<String> live = new HashSet<>();
        last.forEach((id, op) -> {
            if (op.equals("upsert")) {
                live.add(id);
            }
        });
        return live;
    }

    private Set<String> existing(String table, Set<String> ids) throws Exception {
        return query("select id::text from " + table + " where id::text = any(?)", ids);
    }

    private Set<String> visible(Set<String> ids) throws Exception {
        return query("select id::text from articles where id::text = any(?) and status = 'published'", ids);
    }

    private Set<String> query(String sql, Set<String> ids) throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private JsonNode get(String path, boolean editor) throws Exception {
        HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (editor) {
            rq.header("Authorization", "Bearer " + ADMIN_TOKEN);
        }
        HttpResponse<String> r = http.send(rq.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body());
    }

    private HttpResponse<String> send(String method, String path, Map<String, ?> body) throws Exception {
        HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(base + "api/v1/" + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (body != null) {
            rq.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
        }
        return http.send(rq.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String created(HttpResponse<String> r) throws Exception {
        expect(r, 201);
        return json.readTree(r.body()).get("id").asText();
    }

    private static void expect(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
    }
}
