package news.masthead.webhooks;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import news.masthead.changes.ChangeCursor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static news.masthead.Api.admin;
import static news.masthead.Api.anonymous;
import static news.masthead.Api.article;
import static news.masthead.Api.create;
import static news.masthead.Api.editor;
import static news.masthead.Api.fields;
import static news.masthead.Api.person;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(WebhookProfile.class)
class WebhookDeliveryTest {

    @AfterEach
    void cleanUp() {
        Hooks.deleteAll();
    }

    @Test
    void anEntryArrivesSignedWithinTwoSecondsOfItsCommit() throws Exception {
        try (Receiver receiver = new Receiver()) {
            var hook = Hooks.create(receiver.url(), List.of("people.*"), "all");
            String name = "Signed " + unique();
            long committed = System.nanoTime();
            String id = person(name);
            receiver.await(
                    "the person's upsert",
                    5000,
                    () -> receiver.hits("people.upsert").size() == 1);
            Receiver.Hit hit = receiver.hits().get(0);
            long millis = (hit.arrivedNanos() - committed) / 1_000_000;
            assertTrue(millis < 2000, "arrived " + millis + " ms after the commit");
            assertTrue(Hooks.signedWith(hook.secret(), hit), "signature " + hit.signature() + " of " + hit.body());
            assertFalse(Hooks.signedWith("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), hit));
            assertTrue(Math.abs(Long.parseLong(hit.timestamp()) - Instant.now().getEpochSecond()) < 60);
            var body = hit.json();
            assertEquals("people", body.getString("collection"));
            assertEquals(id, body.getString("id"));
            assertEquals("upsert", body.getString("op"));
            assertEquals(name, body.getString("data.name"));
            assertEquals(List.of("person:" + id, "people"), body.getList("surrogateKeys"));
            assertEquals("msg_" + hook.id() + "_" + body.getLong("seq"), hit.id());
            assertEquals("/hook", hit.path());
            List<Map<String, Object>> log = Hooks.deliveries(hook.id());
            assertEquals(1, log.size());
            assertEquals(200, log.get(0).get("status"));
            assertEquals(1, log.get(0).get("attempt"));
            assertEquals("people.upsert", log.get(0).get("type"));
        }
    }

    @Test
    void concurrentWritesArriveOnceEachInSeqOrder() throws Exception {
        try (Receiver receiver = new Receiver()) {
            var hook = Hooks.create(receiver.url(), List.of("people.*"), "all");
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<List<String>>> written = new ArrayList<>();
            String run = unique();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                written.add(writers.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        ids.add(person("Writer " + run + " " + writer + " " + i));
                    }
                    return ids;
                }));
            }
            Set<String> ids = new HashSet<>();
            for (Future<List<String>> f : written) {
                ids.addAll(f.get());
            }
            writers.shutdown();
            assertEquals(200, ids.size());
            // Distinct entries: on a busy machine an attempt may time out and be made again (the same entry twice).
            receiver.await(
                    "200 people",
                    30_000,
                    () -> receiver.hits("people.upsert").stream()
                                    .map(h -> h.json().getString("id"))
                                    .distinct()
                                    .count()
                            >= 200);
            // The last attempt is logged just after its answer.
            receiver.await(
                    "every attempt logged",
                    5000,
                    () -> Hooks.deliveries(hook.id()).size() >= receiver.hits().size());
            Hooks.assertInOrderOnceExceptRetries(receiver, hook.id(), 200);
            assertEquals(
                    ids,
                    receiver.hits().stream().map(h -> h.json().getString("id")).collect(Collectors.toSet()));
        }
    }

    @Test
    void aPublicWebhookNeverSeesDraftsPendingCommentsOrEmails() throws Exception {
        try (Receiver pub = new Receiver();
                Receiver all = new Receiver()) {
            Hooks.create(pub.url(), List.of("*"), "public");
            Hooks.create(all.url(), List.of("*"), "all");
            String draft = article();
            String published = article("published");
            String email = "reader-" + unique() + "@example.org";
            String comment = anonymous()
                    .body(Map.of("authorName", "Reader", "authorEmail", email, "body", "First"))
                    .post("/api/v1/articles/" + published + "/comments")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String marker = person("Marker " + unique());
            pub.await(
                    "the marker",
                    5000,
                    () -> pub.hits().stream().anyMatch(h -> h.body().contains(marker)));
            all.await(
                    "the marker",
                    5000,
                    () -> all.hits().stream().anyMatch(h -> h.body().contains(marker)));
            for (Receiver.Hit h : pub.hits()) {
                assertFalse(
                        h.body().contains(draft)
                                || h.body().contains(comment)
                                || h.body().contains(email),
                        h.body());
            }
            assertTrue(pub.hits().stream()
                    .anyMatch(h -> h.json().getString("id").equals(published)
                            && h.json().getString("data.status").equals("published")));
            assertTrue(
                    all.hits().stream().anyMatch(h -> h.json().getString("id").equals(draft)));
            assertTrue(all.hits().stream()
                    .anyMatch(h -> h.json().getString("id").equals(comment)
                            && email.equals(h.json().getString("data.authorEmail"))));

            editor().body(Map.of("status", "approved"))
                    .patch("/api/v1/comments/" + comment)
                    .then()
                    .statusCode(200);
            pub.await(
                    "the approved comment",
                    5000,
                    () -> pub.hits("comments.upsert").stream()
                            .anyMatch(h -> h.json().getString("id").equals(comment)));
            Receiver.Hit approved = pub.hits("comments.upsert").get(0);
            assertEquals("approved", approved.json().getString("data.status"));
            assertFalse(approved.body().contains(email), approved.body());
            assertEquals(
                    List.of("comment:" + comment, "comments", "article:" + published),
                    approved.json().getList("surrogateKeys"));

            editor().body(Map.of("status", "draft"))
                    .patch("/api/v1/articles/" + published)
                    .then()
                    .statusCode(200);
            pub.await(
                    "the unpublished article as a delete",
                    5000,
                    () -> pub.hits("articles.delete").stream()
                            .anyMatch(h -> h.json().getString("id").equals(published)));
            Receiver.Hit gone = pub.hits("articles.delete").get(0);
            assertNull(gone.json().get("data"));
            assertTrue(gone.body().contains("\"data\":null"), gone.body());
        }
    }

    @Test
    void aScheduledArticleIsPushedToPublicWebhooksWhenItComesDue() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Hooks.create(receiver.url(), List.of("articles.*"), "public");
            String due = Instant.now().plusSeconds(3).toString();
            String id = create(
                    "articles", fields("headline", "Embargoed " + unique(), "status", "scheduled", "publishedAt", due));
            Thread.sleep(1500);
            assertEquals(List.of(), receiver.hits(), "sent before its time");
            receiver.await(
                    "the article coming due",
                    6000,
                    () -> receiver.hits("articles.upsert").size() == 1);
            assertEquals(id, receiver.hits().get(0).json().getString("id"));
            assertEquals("scheduled", receiver.hits().get(0).json().getString("data.status"));
        }
    }

    @Test
    void anEditedPersonNamesEveryArticleTheScopeSeesThatIncludesThem() throws Exception {
        try (Receiver pub = new Receiver()) {
            String p = person("Included " + unique());
            String visible = create(
                    "articles", fields("headline", "With " + unique(), "status", "published", "personIds", List.of(p)));
            String draft = create("articles", fields("headline", "Draft with " + unique(), "personIds", List.of(p)));
            Hooks.create(pub.url(), List.of("people.*"), "public");
            editor().body(Map.of("role", "Mayor"))
                    .patch("/api/v1/people/" + p)
                    .then()
                    .statusCode(200);
            pub.await("the edited person", 5000, () -> pub.hits().size() == 1);
            List<String> keys = pub.hits().get(0).json().getList("surrogateKeys");
            assertEquals(
                    List.of("person:" + p, "people", "article:" + visible),
                    keys,
                    "draft " + draft + " must not be named");
        }
    }

    @Test
    void aFailedEntryIsRetriedWithTheSameIdAndHoldsBackTheNextOnes() throws Exception {
        try (Receiver receiver = new Receiver().answering(n -> Receiver.Answer.status(n == 0 ? 500 : 200))) {
            var hook = Hooks.create(receiver.url(), List.of("people.*"), "all");
            String first = person("First " + unique());
            String second = person("Second " + unique());
            receiver.await("both people", 5000, () -> receiver.hits().size() >= 3);
            List<Receiver.Hit> hits = receiver.hits();
            assertEquals(
                    List.of(first, first, second),
                    hits.stream().map(h -> h.json().getString("id")).toList());
            assertEquals(hits.get(0).id(), hits.get(1).id());
            assertTrue(Hooks.signedWith(hook.secret(), hits.get(1)));
            List<Map<String, Object>> log = Hooks.deliveries(hook.id());
            assertEquals(
                    List.of(200, 200, 500),
                    log.stream().map(d -> d.get("status")).toList());
            assertEquals(
                    List.of(1, 2, 1), log.stream().map(d -> d.get("attempt")).toList());
            assertEquals("HTTP 500", log.get(2).get("error"));
        }
    }

    @Test
    void anEntryWithoutAnAnswerInTimeIsRetried() throws Exception {
        try (Receiver receiver = new Receiver().answering(n -> new Receiver.Answer(200, n == 0 ? 4000 : 0, null, 0))) {
            var hook = Hooks.create(receiver.url(), List.of("people.*"), "all");
            String id = person("Slow " + unique());
            receiver.await("the retry", 8000, () -> receiver.hits().size() >= 2);
            assertEquals(id, receiver.hits().get(1).json().getString("id"));
            receiver.await("the log", 3000, () -> Hooks.deliveries(hook.id()).size() >= 2);
            List<Map<String, Object>> log = Hooks.deliveries(hook.id());
            Map<String, Object> timedOut = log.get(log.size() - 1);
            assertNull(timedOut.get("status"));
            assertEquals("no answer within 2000 ms", timedOut.get("error"));
            assertTrue((Integer) timedOut.get("durationMs") >= 2000);
            assertEquals(200, log.get(0).get("status"));
        }
    }

    @Test
    void aWebhookThatKeepsFailingIsDeactivatedAndDelaysNoOther() throws Exception {
        try (Receiver failing = new Receiver().answering(n -> Receiver.Answer.status(503));
                Receiver healthy = new Receiver()) {
            var bad = Hooks.create(failing.url(), List.of("people.*"), "all");
            Hooks.create(healthy.url(), List.of("people.*"), "all");
            person("Unwelcome " + unique());
            failing.await("a few attempts", 3000, () -> failing.hits().size() >= 2);
            long start = System.nanoTime();
            String later = person("Later " + unique());
            healthy.await(
                    "the later person",
                    2000,
                    () -> healthy.hits().stream().anyMatch(h -> h.body().contains(later)));
            assertTrue((System.nanoTime() - start) / 1_000_000 < 2000);
            failing.await(
                    "deactivation",
                    8000,
                    () -> admin().get("/api/v1/webhooks/" + bad.id())
                            .path("active")
                            .equals(false));
            admin().get("/api/v1/webhooks/" + bad.id())
                    .then()
                    .statusCode(200)
                    .body("active", equalTo(false))
                    .body("inactiveReason", containsString("HTTP 503"));
            int attempts = failing.hits().size();
            assertTrue(attempts >= 4, attempts + " attempts in 3 s with 100 ms doubling to 400 ms");
            Thread.sleep(600);
            assertEquals(attempts, failing.hits().size(), "attempts after deactivation");
            assertTrue(
                    failing.hits().stream()
                            .allMatch(h -> h.id().equals(failing.hits().get(0).id())),
                    "later entries held back");

            failing.answering(n -> Receiver.Answer.status(200));
            admin().body(Map.of("active", true))
                    .patch("/api/v1/webhooks/" + bad.id())
                    .then()
                    .statusCode(200)
                    .body("inactiveReason", nullValue());
            failing.await(
                    "resumed deliveries",
                    5000,
                    () -> failing.hits().stream().anyMatch(h -> h.body().contains(later)));
        }
    }

    @Test
    void replayResendsFromTheCursorInOrderWithNewIds() throws Exception {
        try (Receiver receiver = new Receiver()) {
            var hook = Hooks.create(receiver.url(), List.of("people.*"), "all");
            List<String> ids = List.of(person("R1 " + unique()), person("R2 " + unique()), person("R3 " + unique()));
            receiver.await("three people", 5000, () -> receiver.hits().size() == 3);
            long firstSeq = receiver.hits().get(0).json().getLong("seq");
            admin().body(Map.of("after", ChangeCursor.encode(firstSeq - 1)))
                    .post("/api/v1/webhooks/" + hook.id() + "/replay")
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(hook.id()));
            receiver.await("the replay", 5000, () -> receiver.hits().size() == 6);
            List<Receiver.Hit> hits = receiver.hits();
            assertEquals(
                    ids,
                    hits.subList(3, 6).stream()
                            .map(h -> h.json().getString("id"))
                            .toList());
            for (int i = 0; i < 3; i++) {
                assertEquals(hits.get(i).id() + "_1", hits.get(i + 3).id());
                assertTrue(Hooks.signedWith(hook.secret(), hits.get(i + 3)));
            }
        }
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        try (Receiver target = new Receiver();
                Receiver redirecting = new Receiver().answering(n -> new Receiver.Answer(307, 0, target.url(), 0))) {
            var hook = Hooks.create(redirecting.url(), List.of("people.*"), "all");
            person("Redirected " + unique());
            redirecting.await("two attempts", 3000, () -> redirecting.hits().size() >= 2);
            assertEquals(List.of(), target.hits());
            assertEquals("HTTP 307", Hooks.deliveries(hook.id()).get(0).get("error"));
        }
    }

    @Test
    void aPingIsSignedAndLoggedAndALongAnswerIsReadOnlyInPart() throws Exception {
        try (Receiver receiver = new Receiver().answering(n -> new Receiver.Answer(200, 0, null, 1 << 20))) {
            var hook = Hooks.create(receiver.url(), List.of("articles.*"), "public");
            admin().post("/api/v1/webhooks/" + hook.id() + "/ping")
                    .then()
                    .statusCode(200)
                    .body("type", equalTo("ping"))
                    .body("status", equalTo(200))
                    .body("error", nullValue())
                    .body("attempt", equalTo(1));
            Receiver.Hit ping = receiver.hits().get(0);
            assertEquals("ping", ping.json().getString("type"));
            assertEquals(hook.id(), ping.json().getString("id"));
            assertTrue(Hooks.signedWith(hook.secret(), ping));
            assertEquals("ping", Hooks.deliveries(hook.id()).get(0).get("type"));
        }
    }
}
