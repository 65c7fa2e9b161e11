package news.masthead.articles;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Places;
import news.masthead.fixtures.Quotes;
import news.masthead.images.TestImages;
import news.masthead.people.PersonJson;
import news.masthead.places.PlaceJson;
import news.masthead.quotes.QuoteJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.fields;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads copy each row's JSON as stored when it was written (V15); the stored text must follow every edit of the row, of
 * an embedded record, and every change of visibility, and be exactly what the expressions that build it would give.
 */
@QuarkusTest
class StoredRenderingTest {

    @Inject
    EntityManager em;

    @Inject
    ArticleJson articleJson;

    @Inject
    AgroalDataSource dataSource;

    private static String read(String path) {
        return anonymous().get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void anEditedPersonPlaceOrQuoteReadsAsEditedInTheArticle() {
        String before = "Before " + unique();
        String person = People.person().name(before).create();
        String place = Places.place().name("Old Town " + unique()).kind("town").create();
        String article = Articles.article()
                .headline("Embeds " + unique())
                .published()
                .personIds(person)
                .placeIds(place)
                .create();
        String quote = Quotes.quote().text("First words").speaker(person).create();
        editor().body(Map.of("articleId", article))
                .patch("/api/v1/quotes/" + quote)
                .then()
                .statusCode(200);
        String url = "/api/v1/articles/" + article + "?include=people,places,quotes";
        anonymous().get(url).then().statusCode(200).body("people[0].name", equalTo(before));

        String renamed = "After " + unique();
        editor().body(Map.of("name", renamed))
                .patch("/api/v1/people/" + person)
                .then()
                .statusCode(200);
        editor().body(Map.of("name", "New Town"))
                .patch("/api/v1/places/" + place)
                .then()
                .statusCode(200);
        editor().body(Map.of("text", "Second words"))
                .patch("/api/v1/quotes/" + quote)
                .then()
                .statusCode(200);

        anonymous()
                .get(url)
                .then()
                .statusCode(200)
                .body("people[0].name", equalTo(renamed))
                .body("places[0].name", equalTo("New Town"))
                .body("quotes[0].text", equalTo("Second words"));
        String withPeople = read(url);
        String ownPerson = read("/api/v1/people/" + person);
        assertEquals(true, withPeople.contains("\"people\":[" + ownPerson + "]"), withPeople);
        assertEquals(true, withPeople.contains("\"places\":[" + read("/api/v1/places/" + place) + "]"), withPeople);
        assertEquals(0, stale());
    }

    @Test
    void anEditedArticleReadsAsTheWriteAnsweredInListsToo() {
        String tag = "stored" + unique();
        String id = Articles.article()
                .headline("First " + unique())
                .tags(tag)
                .published()
                .create();
        String written = editor().body(Map.of("headline", "Second", "standfirst", "Now with a standfirst"))
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(written, read("/api/v1/articles/" + id));
        anonymous()
                .get("/api/v1/articles?tag=" + tag)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].headline", equalTo("Second"))
                .body("items[0].version", equalTo(2));
        assertEquals(0, stale());
    }

    @Test
    void anUnpublishedArticleIsGoneForAnonymousReadersAtOnce() {
        String id =
                Articles.article().headline("Withdrawn " + unique()).published().create();
        read("/api/v1/articles/" + id);
        String written = editor().body(Map.of("status", "draft"))
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
        assertEquals(
                written,
                editor().get("/api/v1/articles/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertEquals(0, stale());
    }

    @Test
    void aScheduledArticleComesDueAtItsTime() throws InterruptedException {
        Instant due = Instant.now().plus(2, ChronoUnit.SECONDS);
        String id = Articles.article()
                .headline("Due " + unique())
                .scheduled()
                .publishedAt(due)
                .create();
        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
        Thread.sleep(Math.max(0, Instant.now().until(due, ChronoUnit.MILLIS)) + 300);
        assertEquals(
                editor().get("/api/v1/articles/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                read("/api/v1/articles/" + id));
    }

    @Test
    void theIdsOfThePeopleAndPlacesAnArticleNamesFollowEveryEditInTheirOrder() {
        String first = People.person().name("First " + unique()).create();
        String second = People.person().name("Second " + unique()).create();
        String place =
                Places.place().name("Linked Town " + unique()).kind("town").create();
        String tag = "linked" + unique();
        String id = Articles.article()
                .headline("Names two " + unique())
                .published()
                .tags(tag)
                .personIds(first, second)
                .create();
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("personIds", contains(first, second));
        editor().body(Map.of("personIds", List.of(second, first), "placeIds", List.of(place)))
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(200);
        anonymous()
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("personIds", contains(second, first))
                .body("placeIds", contains(place));
        anonymous()
                .get("/api/v1/articles?tag=" + tag)
                .then()
                .statusCode(200)
                .body("items[0].personIds", contains(second, first))
                .body("items[0].placeIds", contains(place));
        assertEquals(0, stale());
    }

    /**
     * The links are stored at commit (V24's whole): the transaction that changes them reads what it wrote, not what is
     * stored.
     */
    @Test
    void aReadInsideTheTransactionThatChangedAnArticlesLinksSeesTheChange() {
        String person = People.person().name("Unlinked " + unique()).create();
        String id = Articles.article()
                .headline("Loses a person " + unique())
                .published()
                .personIds(person)
                .create();
        String inside = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("delete from article_people where article_id = cast(:id as uuid)")
                    .setParameter("id", id)
                    .executeUpdate();
            em.createNativeQuery("update articles set version = version + 1 where id = cast(:id as uuid)")
                    .setParameter("id", id)
                    .executeUpdate();
            return new String(
                    articleJson.one(id, Set.of(), true).orElseThrow().body().bytes(), StandardCharsets.UTF_8);
        });
        assertEquals(true, inside.contains("\"personIds\":[]"), inside);
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("personIds", hasSize(0));
        assertEquals(0, stale());
    }

    /**
     * A read sends the whole stored at commit (V24) while its version is the article's: a stored text changed behind
     * the API's back is what a first read of the article and of a list shows, until an edit stores the new one.
     */
    @Test
    void aReadSendsTheStoredWholeWhileItIsTheArticlesVersion() {
        String tag = "whole" + unique();
        String id = Articles.article()
                .headline("Stored whole " + unique())
                .published()
                .tags(tag)
                .create();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update article_rendered set rendered = replace(rendered,"
                                + " '\"headline\":\"Stored whole', '\"headline\":\"Marked whole')"
                                + " where article_id = cast(:id as uuid)")
                        .setParameter("id", id)
                        .executeUpdate());
        anonymous()
                .get("/api/v1/articles/" + id + "?include=places")
                .then()
                .statusCode(200)
                .body("headline", org.hamcrest.Matchers.startsWith("Marked whole"));
        anonymous()
                .get("/api/v1/articles?tag=" + tag)
                .then()
                .statusCode(200)
                .body("items[0].headline", org.hamcrest.Matchers.startsWith("Marked whole"));
        editor().body(Map.of("headline", "Edited whole"))
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(200);
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("headline", equalTo("Edited whole"));
        anonymous()
                .get("/api/v1/articles?tag=" + tag)
                .then()
                .statusCode(200)
                .body("items[0].headline", equalTo("Edited whole"));
        assertEquals(0, stale());
    }

    /** An image's caption is part of the whole of the articles it leads: its new version stores theirs again. */
    @Test
    void anEditedLeadImageIsStoredAgainInTheArticlesItLeads() {
        String image = TestImages.uploaded(TestImages.picture(120, 80, "png"), "image/png");
        String id = Articles.article()
                .headline("Led by a picture " + unique())
                .published()
                .with("leadImage", Map.of("imageId", image))
                .create();
        editor().body(Map.of("caption", "A new caption"))
                .patch("/api/v1/images/" + image)
                .then()
                .statusCode(200);
        assertEquals(0, stale()); // stored again with the image's new version, not merely found out of date
        anonymous()
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("leadImage.caption", equalTo("A new caption"))
                .body("leadImage.url", org.hamcrest.Matchers.endsWith("?v=2"));
    }

    /**
     * An image's new version and an edit of the article it leads, committed at the same time: both store the article's
     * whole, so they take turns (the change feed's lock) and the last one stores what both wrote. Here the image's
     * transaction has changed the image when the article's commits, and commits after it.
     */
    @Test
    void anImageAndTheArticleItLeadsEditedAtOnceBothCommitAndLeaveTheWholeCurrent() throws Exception {
        String image = TestImages.uploaded(TestImages.picture(120, 80, "png"), "image/png");
        String id = Articles.article()
                .headline("Led at once " + unique())
                .published()
                .with("leadImage", Map.of("imageId", image))
                .create();
        try (Connection imageTx = dataSource.getConnection();
                Connection articleTx = dataSource.getConnection()) {
            imageTx.setAutoCommit(false);
            articleTx.setAutoCommit(false);
            update(imageTx, "update images set caption = 'Both at once', version = version + 1 where id = ?", image);
            update(
                    articleTx,
                    "update articles set headline = 'Edited at once', version = version + 1 where id = ?",
                    id);
            CompletableFuture<Void> articleCommit = CompletableFuture.runAsync(() -> commit(articleTx));
            Thread.sleep(300); // the article's commit is under way, or waiting for the image's transaction
            imageTx.commit();
            articleCommit.get(10, TimeUnit.SECONDS);
        }
        assertEquals(0, stale());
        anonymous()
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("headline", equalTo("Edited at once"))
                .body("leadImage.caption", equalTo("Both at once"));
    }

    private static void update(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            assertEquals(1, s.executeUpdate());
        }
    }

    private static void commit(Connection c) {
        try {
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBlockNamingAHiddenArticleIsLeftOutForAnonymousReadersOnly() {
        String draft = Articles.article().headline("Draft " + unique()).create();
        String id = Articles.article()
                .headline("Points at a draft " + unique())
                .published()
                .body(List.of(
                        fields("type", "paragraph", "text", "Before"), fields("type", "related", "articleId", draft)))
                .create();
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("body", hasSize(1));
        editor().get("/api/v1/articles/" + id).then().statusCode(200).body("body", hasSize(2));
        editor().body(Map.of("status", "published"))
                .patch("/api/v1/articles/" + draft)
                .then()
                .statusCode(200);
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("body", hasSize(2));
        assertEquals(0, stale());
    }

    @Test
    void aLongArticlesHeadIsStoredOutOfLineUncompressed() {
        // Repetitive text, which pglz would shrink to a fraction: a read must not pay for decompressing it (V21).
        String paragraph = "The river crossing held through the night. ".repeat(40);
        String id = Articles.article()
                .headline("Stored plain " + unique())
                .body(List.of(
                        Map.of("type", "paragraph", "text", paragraph), Map.of("type", "paragraph", "text", paragraph)))
                .create();
        Object[] stored = QuarkusTransaction.requiringNew()
                .call(() -> (Object[]) em.createNativeQuery("select octet_length(rendered_head),"
                                + " pg_column_size(rendered_head), pg_column_compression(rendered_head)"
                                + " from articles where id = cast(:id as uuid)")
                        .setParameter("id", id)
                        .getSingleResult());
        int length = ((Number) stored[0]).intValue();
        assertTrue(length > 3_000, "a head of " + length + " bytes");
        assertEquals(length, ((Number) stored[1]).intValue()); // as many bytes stored as the text has
        assertNull(stored[2]); // no compression method: stored as it is
        assertEquals(0, stale());
    }

    /** Rows whose stored rendering differs from what the read expressions build from the row now. */
    private long stale() {
        return QuarkusTransaction.requiringNew()
                .call(() -> count("people p", "p.rendered", PersonJson.LIVE)
                        + count("places pl", "pl.rendered", PlaceJson.LIVE)
                        + count("quotes q", "q.rendered", QuoteJson.LIVE)
                        + count(
                                "articles a",
                                "a.rendered_head",
                                "case when strpos(a.body::text, '\"articleId\"') = 0 then "
                                        + ArticleJson.head("a.body::text") + " end")
                        + count("articles a", "a.rendered_tail", ArticleJson.TAIL)
                        + count(
                                WHOLE,
                                "w.rendered",
                                "case when a.rendered_head is not null then " + ArticleJson.whole() + " end")
                        + count(WHOLE, "w.version", "case when a.rendered_head is not null then a.version end")
                        + count(
                                WHOLE,
                                "w.lead_version",
                                "(select i.version from images i where i.id = a.lead_image_id)"));
    }

    /** Every article with its stored whole, if any. */
    private static final String WHOLE = "articles a left join article_rendered w on w.article_id = a.id";

    private long count(String table, String stored, String live) {
        return ((Number) em.createNativeQuery(
                                "select count(*) from " + table + " where " + stored + " is distinct from " + live)
                        .getSingleResult())
                .longValue();
    }
}
