package news.masthead.changes;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import news.masthead.SqlStatements;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.Comments;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Places;
import news.masthead.fixtures.Quotes;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ChangeFeedTest {

    @Inject
    DataSource dataSource;

    @Inject
    SqlStatements statements;

    /** One entry as the test compares it. */
    record Entry(long seq, String collection, String id, String op) {
        String brief() {
            return collection + ":" + id + ":" + op;
        }
    }

    /** Where a follower stands and what it has read so far. */
    static final class Follower {
        final boolean asEditor;
        String cursor;
        final List<Entry> seen = new ArrayList<>();

        Follower(boolean asEditor) {
            this.asEditor = asEditor;
            this.cursor = null;
            poll(); // start at the current end
            seen.clear();
        }

        /** Reads to the end of the feed; returns the entries of this poll. */
        List<Entry> poll() {
            List<Entry> got = new ArrayList<>();
            while (true) {
                RequestSpecification rq = (asEditor ? editor() : anonymous()).queryParam("limit", 50);
                if (cursor != null) {
                    rq.queryParam("after", cursor);
                }
                JsonPath body = rq.get("/api/v1/changes")
                        .then()
                        .statusCode(200)
                        .body("next", notNullValue())
                        .extract()
                        .jsonPath();
                List<Map<String, Object>> items = body.getList("items");
                for (Map<String, Object> i : items) {
                    got.add(new Entry(
                            ((Number) i.get("seq")).longValue(),
                            (String) i.get("collection"),
                            (String) i.get("id"),
                            (String) i.get("op")));
                }
                cursor = body.getString("next");
                if (items.size() < 50) {
                    seen.addAll(got);
                    return got;
                }
            }
        }

        List<String> about(String... ids) {
            Set<String> wanted = Set.of(ids);
            return seen.stream()
                    .filter(e -> wanted.contains(e.id()))
                    .map(Entry::brief)
                    .toList();
        }
    }

    @Test
    void editorsSeeEveryCreateUpdateAndDeleteInOrder() {
        Follower f = new Follower(true);
        String person = People.person().name("Feed Person " + unique()).create();
        editor().body(Map.of("role", "Mayor"))
                .contentType("application/merge-patch+json")
                .patch("/api/v1/people/" + person)
                .then()
                .statusCode(200);
        String place = Places.place().name("Feed Town " + unique()).kind("town").create();
        editor().delete("/api/v1/people/" + person).then().statusCode(204);
        f.poll();
        assertEquals(
                List.of(
                        "people:" + person + ":upsert",
                        "people:" + person + ":upsert",
                        "places:" + place + ":upsert",
                        "people:" + person + ":delete"),
                f.about(person, place));
        for (int i = 1; i < f.seen.size(); i++) {
            assertTrue(f.seen.get(i).seq() > f.seen.get(i - 1).seq(), "seq strictly increases");
        }
    }

    @Test
    void entryHasSeqCollectionIdOpAndCommitTime() {
        Follower f = new Follower(true);
        Instant before = Instant.now().minusSeconds(1);
        String person = People.person().name("Feed Shape " + unique()).create();
        JsonPath body = editor().queryParam("after", f.cursor)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
        Map<String, Object> entry = body.getList("items", Map.class).stream()
                .filter(m -> person.equals(m.get("id")))
                .findFirst()
                .orElseThrow();
        assertEquals(Set.of("seq", "collection", "id", "op", "at"), entry.keySet());
        assertEquals("people", entry.get("collection"));
        assertEquals("upsert", entry.get("op"));
        Instant at = Instant.parse((String) entry.get("at"));
        assertTrue(at.isAfter(before) && at.isBefore(Instant.now().plusSeconds(1)), "at is the commit time: " + at);
        assertTrue(((String) entry.get("at")).endsWith("Z"));
    }

    @Inject
    ChangeService changes;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    /** The feed's answer is written by PostgreSQL; the webhooks read the same entries as records (Jackson's JSON). */
    @Test
    void theFeedsAnswerIsItsEntriesAsRecordsByteForByteForEitherCaller() throws Exception {
        for (boolean asEditor : new boolean[] {true, false}) {
            Follower f = new Follower(asEditor);
            long from = ChangeCursor.decode(f.cursor);
            for (int i = 0; i < 3; i++) {
                People.person().name("Feed Bytes " + unique()).create();
            }
            for (int limit : new int[] {2, 3, 50}) { // a full page with a Link, a full last one, a short one
                io.restassured.response.Response answer = (asEditor ? editor() : anonymous())
                        .queryParam("after", f.cursor)
                        .queryParam("limit", limit)
                        .get("/api/v1/changes");
                answer.then().statusCode(200).header("Cache-Control", "no-store");
                String expected = mapper.writeValueAsString(changes.after(from, limit, asEditor));
                assertEquals(expected, answer.asString(), "limit " + limit + (asEditor ? " as editor" : ""));
                assertEquals(limit <= 3, answer.header("Link") != null, "a Link for a full page, limit " + limit);
            }
        }
    }

    @Test
    void atTheEndNextIsWhereToPollAgainFrom() {
        Follower f = new Follower(true);
        String end = f.cursor;
        editor().queryParam("after", end)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("next", equalTo(end));
        String person = People.person().name("Feed Resume " + unique()).create();
        editor().queryParam("after", end)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(person));
        // Polling again from the same cursor gives the same answer: a cursor is a position, not a session.
        editor().queryParam("after", end)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(person));
    }

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeat() {
        Follower f = new Follower(true);
        String start = f.cursor;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(People.person().name("Feed Page " + unique()).create());
        }
        List<String> read = new ArrayList<>();
        String cursor = start;
        for (int page = 0; page < 20; page++) {
            JsonPath body = editor().queryParam("after", cursor)
                    .queryParam("limit", 2)
                    .get("/api/v1/changes")
                    .then()
                    .statusCode(200)
                    .body("limit", equalTo(2))
                    .extract()
                    .jsonPath();
            List<String> got = body.getList("items.id");
            read.addAll(got);
            cursor = body.getString("next");
            if (got.size() < 2) {
                break;
            }
        }
        assertEquals(ids, read.stream().filter(ids::contains).toList());
        assertEquals(read.size(), Set.copyOf(read).size(), "no entry twice");
    }

    @Test
    void badLimitOrCursorIs400() {
        for (String limit : List.of("0", "1001", "x", "-5")) {
            anonymous()
                    .queryParam("limit", limit)
                    .get("/api/v1/changes")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
        for (String after : List.of("nonsense!", "bm9wZQ", "42")) {
            anonymous()
                    .queryParam("after", after)
                    .get("/api/v1/changes")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("after"));
        }
        anonymous()
                .queryParam("limit", 1000)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body("limit", equalTo(1000));
    }

    @Test
    void anonymousCallersSeeAnArticleOnlyWhileItIsVisible() {
        Follower pub = new Follower(false);
        Follower ed = new Follower(true);
        String id = Articles.article().headline("Feed draft " + unique()).create();
        patch(id, Articles.article().headline("Still a draft").fields());
        patch(id, Map.of("status", "published"));
        patch(id, Map.of("standfirst", "Now with a standfirst"));
        patch(id, Map.of("status", "archived"));
        patch(id, Map.of("status", "draft"));
        editor().delete("/api/v1/articles/" + id).then().statusCode(204);
        pub.poll();
        ed.poll();
        String a = "articles:" + id + ":";
        assertEquals(List.of(a + "upsert", a + "upsert", a + "delete"), pub.about(id));
        assertEquals(
                List.of(
                        a + "upsert",
                        a + "upsert",
                        a + "upsert",
                        a + "upsert",
                        a + "upsert",
                        a + "upsert",
                        a + "delete"),
                ed.about(id));
    }

    @Test
    void aDraftCreatedAndDeletedNeverReachesAnonymousCallers() {
        Follower pub = new Follower(false);
        String id = Articles.article().headline("Feed secret " + unique()).create();
        editor().delete("/api/v1/articles/" + id).then().statusCode(204);
        pub.poll();
        assertEquals(List.of(), pub.about(id));
    }

    @Test
    void aScheduledArticleAppearsForAnonymousCallersOnceItsTimeHasCome() throws Exception {
        Follower pub = new Follower(false);
        Instant when = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        String id = Articles.article()
                .headline("Feed scheduled " + unique())
                .scheduled()
                .publishedAt(when)
                .create();
        pub.poll();
        assertEquals(List.of(), pub.about(id), "not before its time");
        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
        Thread.sleep(Math.max(0, when.toEpochMilli() - System.currentTimeMillis()) + 300);
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200);
        List<Entry> got = pub.poll().stream().filter(e -> e.id().equals(id)).toList();
        assertEquals(
                List.of("articles:" + id + ":upsert"),
                got.stream().map(Entry::brief).toList());
        JsonPath again = anonymous()
                .queryParam("after", ChangeCursor.encode(got.get(0).seq() - 1))
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(when, Instant.parse(again.getString("items[0].at")), "at is the time it became visible");
        pub.poll();
        assertEquals(1, pub.about(id).size(), "announced once");
    }

    @Test
    void anAnonymousPollIsOneStatementUntilAScheduledArticleComesDueAndNoneUntilTheNextChange() throws Exception {
        Follower pub = new Follower(false); // announces whatever was due
        String end = pub.cursor;
        Instant when = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        String id = Articles.article()
                .headline("Feed counted " + unique())
                .scheduled()
                .publishedAt(when)
                .create();
        List<Object> before = new ArrayList<>();
        assertEquals(1, statements.during(() -> before.addAll(pollFrom(end))), "the page, which says nothing is due");
        assertEquals(List.of(), before);
        Thread.sleep(Math.max(0, when.toEpochMilli() - System.currentTimeMillis()) + 300);
        List<Object> after = new ArrayList<>();
        assertEquals(
                3, statements.during(() -> after.addAll(pollFrom(end))), "the page, the announcement, the page again");
        assertEquals(List.of(id), after);
        assertEquals(1, statements.during(() -> pollFrom(end)), "nothing is due any more");
        assertEquals(0, statements.during(() -> pollFrom(end)), "nothing has changed since: kept in memory");
        String other =
                Articles.article().headline("Feed after " + unique()).draft().create();
        List<Object> edited = new ArrayList<>();
        assertEquals(1, statements.during(() -> edited.addAll(pollFrom(end))), "a write makes it stale");
        assertEquals(List.of(id), edited, "a draft is not for anonymous callers");
        Articles.edit().published().patch(other).then().statusCode(200);
        assertEquals(List.of(id, other), pollFrom(end));
    }

    /** The ids of the anonymous feed's entries after {@code cursor}. */
    private static List<Object> pollFrom(String cursor) {
        return anonymous()
                .queryParam("after", cursor)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
    }

    @Test
    void reschedulingAVisibleArticleIntoTheFutureIsADeleteThenAnUpsertAtTheNewTime() throws Exception {
        Follower pub = new Follower(false);
        String id = Articles.article()
                .headline("Feed moved " + unique())
                .published()
                .create();
        Instant when = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        patch(id, Map.of("status", "scheduled", "publishedAt", when.toString()));
        pub.poll();
        String a = "articles:" + id + ":";
        assertEquals(List.of(a + "upsert", a + "delete"), pub.about(id));
        Thread.sleep(Math.max(0, when.toEpochMilli() - System.currentTimeMillis()) + 300);
        pub.poll();
        assertEquals(List.of(a + "upsert", a + "delete", a + "upsert"), pub.about(id));
    }

    @Test
    void unpublishingBeforeTheScheduledTimeCancelsTheAnnouncement() throws Exception {
        Follower pub = new Follower(false);
        Instant when = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        String id = Articles.article()
                .headline("Feed cancelled " + unique())
                .scheduled()
                .publishedAt(when)
                .create();
        patch(id, Map.of("status", "draft"));
        Thread.sleep(Math.max(0, when.toEpochMilli() - System.currentTimeMillis()) + 300);
        pub.poll();
        assertEquals(List.of(), pub.about(id));
    }

    /**
     * Transaction A writes first but commits last. Its entry must come after B's: had seqs been
     * taken at write time, a follower that read B's would have moved past A's smaller seq for good.
     */
    @Test
    void aTransactionThatCommitsLaterGetsALaterSeqEvenWhenItWroteFirst() throws Exception {
        Follower f = new Follower(true);
        UUID early = UUID.randomUUID();
        try (Connection a = dataSource.getConnection()) {
            a.setAutoCommit(false);
            try (PreparedStatement insert = a.prepareStatement("""
                    insert into people (id, slug, name, created_at, updated_at, version)
                    values (?, ?, 'Written first', now(), now(), 1)""")) {
                insert.setObject(1, early);
                insert.setString(2, "written-first-" + unique());
                insert.executeUpdate();
            }
            String late = People.person().name("Committed first " + unique()).create();
            f.poll();
            assertEquals(
                    List.of("people:" + late + ":upsert"), f.about(late, early.toString()), "A is not visible yet");
            a.commit();
            f.poll();
            assertEquals(
                    List.of("people:" + late + ":upsert", "people:" + early + ":upsert"),
                    f.about(late, early.toString()));
            List<Long> seqs = f.seen.stream().map(Entry::seq).toList();
            assertEquals(seqs.stream().sorted().distinct().toList(), seqs);
        }
    }

    /**
     * The interleaving that defeats "seq at write time, read only below the oldest running
     * transaction": A (older) writes, B (newer) writes, A writes again and commits while B still
     * runs. A's two entries would sit around B's and be readable (A is below B), so a follower
     * would move past B's seq before B commits. With seqs taken at commit, B simply comes later.
     */
    @Test
    void aFollowerDoesNotMissAYoungerTransactionThatCommitsAfterAnOlderOne() throws Exception {
        Follower f = new Follower(true);
        UUID a1 = UUID.randomUUID();
        UUID a2 = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        try (Connection older = dataSource.getConnection();
                Connection younger = dataSource.getConnection()) {
            older.setAutoCommit(false);
            younger.setAutoCommit(false);
            insertPerson(older, a1);
            insertPerson(younger, b);
            insertPerson(older, a2);
            older.commit();
            f.poll();
            assertEquals(
                    List.of("people:" + a1 + ":upsert", "people:" + a2 + ":upsert"),
                    f.about(a1.toString(), a2.toString(), b.toString()));
            younger.commit();
            f.poll();
            assertEquals(
                    List.of("people:" + a1 + ":upsert", "people:" + a2 + ":upsert", "people:" + b + ":upsert"),
                    f.about(a1.toString(), a2.toString(), b.toString()));
        }
    }

    private static void insertPerson(Connection c, UUID id) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into people (id, slug, name, created_at, updated_at, version)
                values (?, ?, 'Interleaved', now(), now(), 1)""")) {
            insert.setObject(1, id);
            insert.setString(2, "interleaved-" + id);
            insert.executeUpdate();
        }
    }

    @Test
    void aRolledBackTransactionLeavesNoEntry() throws Exception {
        Follower f = new Follower(true);
        UUID ghost = UUID.randomUUID();
        try (Connection a = dataSource.getConnection()) {
            a.setAutoCommit(false);
            try (PreparedStatement insert = a.prepareStatement("""
                    insert into people (id, slug, name, created_at, updated_at, version)
                    values (?, ?, 'Never was', now(), now(), 1)""")) {
                insert.setObject(1, ghost);
                insert.setString(2, "never-was-" + unique());
                insert.executeUpdate();
            }
            a.rollback();
        }
        String after = People.person().name("After the ghost " + unique()).create();
        f.poll();
        assertEquals(List.of("people:" + after + ":upsert"), f.about(after, ghost.toString()));
    }

    @Test
    void deletingAnArticleAlsoReportsItsUnlinkedQuotes() {
        Follower f = new Follower(true);
        String speaker = People.person().name("Feed Speaker " + unique()).create();
        String article = Articles.article().headline("Feed quoted " + unique()).create();
        String quote = Quotes.quote()
                .text("We will rebuild.")
                .speaker(speaker)
                .article(article)
                .create();
        editor().delete("/api/v1/articles/" + article).then().statusCode(204);
        f.poll();
        // The quotes are unlinked before the article goes, in the same transaction.
        assertEquals(
                List.of(
                        "articles:" + article + ":upsert",
                        "quotes:" + quote + ":upsert",
                        "quotes:" + quote + ":upsert",
                        "articles:" + article + ":delete"),
                f.about(article, quote));
    }

    private static void patch(String id, Map<String, ?> changes) {
        editor().contentType("application/merge-patch+json")
                .body(changes)
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void commentsAppearForAnonymousCallersOnlyOnceApproved() {
        Follower editorView = new Follower(true);
        Follower publicView = new Follower(false);
        String article =
                Articles.article().headline("Commented " + unique()).published().create();
        String comment = Comments.commentOn(article)
                .authorName("Reader")
                .authorEmail("reader@example.org")
                .body("Well put.")
                .create();
        editorView.poll();
        publicView.poll();
        assertEquals(List.of("comments:" + comment + ":upsert"), editorView.about(comment));
        assertEquals(List.of(), publicView.about(comment));

        editor().contentType("application/merge-patch+json")
                .body(Map.of("status", "approved"))
                .patch("/api/v1/comments/" + comment)
                .then()
                .statusCode(200);
        editor().delete("/api/v1/comments/" + comment).then().statusCode(204);
        editorView.poll();
        publicView.poll();
        assertEquals(
                List.of(
                        "comments:" + comment + ":upsert",
                        "comments:" + comment + ":upsert",
                        "comments:" + comment + ":delete"),
                editorView.about(comment));
        assertEquals(
                List.of("comments:" + comment + ":upsert", "comments:" + comment + ":delete"),
                publicView.about(comment));
    }

    @Test
    void theChangeFeedIsNeverKeptByACache() {
        anonymous().get("/api/v1/changes").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        editor().get("/api/v1/changes").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void showingOrHidingAnArticleReportsItsQuotesInBothFeeds() {
        Follower pub = new Follower(false);
        Follower ed = new Follower(true);
        String article = Articles.article().headline("Quoted " + unique()).create();
        String quote = Quotes.quote()
                .text("Said.")
                .speaker(People.person().name("Sayer " + unique()).create())
                .article(article)
                .create();
        patch(article, Map.of("status", "published"));
        patch(article, Articles.article().headline("Quoted, edited").fields());
        patch(article, Map.of("status", "archived"));
        pub.poll();
        ed.poll();
        String q = "quotes:" + quote + ":upsert";
        assertEquals(List.of(q, q, q), pub.about(quote), "created, article shown, article hidden");
        assertEquals(List.of(q, q, q), ed.about(quote));
    }

    @Test
    void unpublishingAnArticleDeletesItsApprovedCommentsFromTheAnonymousFeedAndPublishingBringsThemBack() {
        String article =
                Articles.article().headline("Discussed " + unique()).published().create();
        String approved = comment(article, true);
        String pending = comment(article, false);
        Follower pub = new Follower(false);
        Follower ed = new Follower(true);
        patch(article, Map.of("status", "draft"));
        patch(article, Articles.article().headline("Discussed, still a draft").fields());
        patch(article, Map.of("status", "published"));
        patch(article, Map.of("status", "archived"));
        pub.poll();
        ed.poll();
        String c = "comments:" + approved + ":";
        assertEquals(List.of(c + "delete", c + "upsert", c + "delete"), pub.about(approved, pending));
        assertEquals(List.of(), ed.about(approved, pending), "editors' view of the comments did not change");
        // A copy kept from the anonymous feed ends without the comment, as anonymous callers see it.
        anonymous().get("/api/v1/articles/" + article + "/comments").then().statusCode(404);
    }

    @Test
    void commentsLeftAnnouncedByAnOlderVersionAreReconciledWithTheirArticlesVisibility() throws Exception {
        String hidden =
                Articles.article().headline("Retracted " + unique()).published().create();
        String strayUpsert = comment(hidden, true);
        patch(hidden, Map.of("status", "archived"));
        String shown =
                Articles.article().headline("Shown " + unique()).published().create();
        String strayDelete = comment(shown, true);
        Follower pub = new Follower(false);
        // What a database written by an older version may hold: the comment of the archived article still announced,
        // the other withdrawn.
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(changes_lock_key())");
                    PreparedStatement s = c.prepareStatement(
                            "insert into changes (seq, collection, id, op, public_op, at)"
                                    + " values (nextval('changes_seq'), 'comments', ?::uuid, null, 'upsert', clock_timestamp()),"
                                    + " (nextval('changes_seq'), 'comments', ?::uuid, null, 'delete', clock_timestamp())")) {
                lock.execute();
                s.setString(1, strayUpsert);
                s.setString(2, strayDelete);
                s.execute();
            }
            c.commit();
        }
        assertEquals(2, reconcile(), "one entry for each comment whose last public entry disagrees");
        assertEquals(0, reconcile(), "reconciled comments get no further entry");
        pub.poll();
        assertEquals(
                List.of(
                        "comments:" + strayUpsert + ":upsert",
                        "comments:" + strayDelete + ":delete",
                        "comments:" + strayUpsert + ":delete",
                        "comments:" + strayDelete + ":upsert"),
                pub.about(strayUpsert, strayDelete));
    }

    private long reconcile() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select changes_reconcile_comments(null)");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aScheduledArticleBringsItsQuotesAndApprovedCommentsIntoTheAnonymousFeedAtItsTime() throws Exception {
        Follower pub = new Follower(false);
        // Five requests come before the first poll: on a busy machine they can take more than two seconds.
        Instant when = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        String article = Articles.article()
                .headline("Due with its quote " + unique())
                .scheduled()
                .publishedAt(when)
                .create();
        String quote = Quotes.quote()
                .text("Soon.")
                .speaker(People.person().name("Early " + unique()).create())
                .article(article)
                .create();
        String comment = comment(article, true);
        pub.poll();
        assertEquals(
                List.of("quotes:" + quote + ":upsert"),
                pub.about(article, quote, comment),
                "the quote, without its article");
        Thread.sleep(Math.max(0, when.toEpochMilli() - System.currentTimeMillis()) + 300);
        pub.poll();
        assertEquals(
                List.of(
                        "quotes:" + quote + ":upsert",
                        "articles:" + article + ":upsert",
                        "quotes:" + quote + ":upsert",
                        "comments:" + comment + ":upsert"),
                pub.about(article, quote, comment));
    }

    /** A comment on the article, posted by an editor (the article may not be visible yet), approved or left pending. */
    private static String comment(String article, boolean approve) {
        String id = Comments.commentOn(article)
                .authorName("Reader")
                .authorEmail("reader@example.org")
                .body("A view.")
                .post(editor())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        if (approve) {
            editor().contentType("application/merge-patch+json")
                    .body(Map.of("status", "approved"))
                    .patch("/api/v1/comments/" + id)
                    .then()
                    .statusCode(200);
        }
        return id;
    }
}
