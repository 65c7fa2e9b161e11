package news.masthead.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import news.masthead.fixtures.Articles;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.person;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No list reads an unbounded number of rows: a count stops at a cap and says when its total is an
 * estimate, and a ranked search ranks only its newest matches. Small limits here stand for the
 * defaults (10,000 and 1,000) at a million articles.
 */
@QuarkusTest
@TestProfile(BoundedListsTest.SmallLimits.class)
class BoundedListsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "cms.lists.total-cap",
                    "6",
                    "cms.search.total-cap",
                    "5",
                    "cms.search.rank-candidates",
                    "3",
                    "cms.data-dir",
                    "target/test-data-bounded");
        }
    }

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** Published articles whose headline has {@code word}, the first the oldest; returns their ids, oldest first. */
    static List<String> articles(String word, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Articles.article()
                    .headline(word + " story " + i)
                    .published()
                    .publishedAt(NOW.minusSeconds(1000 - i).toString())
                    .create());
        }
        return ids;
    }

    @Test
    void aCountPastTheCapIsAnEstimateAndSaysSo() {
        String word = "capped" + unique();
        articles(word, 7);
        for (int i = 0; i < 7; i++) {
            person(word + " Person " + i);
        }
        // Pages that do not hold every match: their totals are counted.
        anonymous()
                .get("/api/v1/articles?sort=-publishedAt&limit=6&q=" + word)
                .then()
                .statusCode(200)
                .body("items", hasSize(6))
                .body("total", greaterThanOrEqualTo(5))
                .body("totalIsEstimate", equalTo(true));
        anonymous()
                .get("/api/v1/articles?limit=6&publishedAfter=" + NOW.minusSeconds(1001) + "&q=" + word)
                .then()
                .statusCode(200)
                .body("totalIsEstimate", equalTo(true));
        anonymous()
                .get("/api/v1/people?sort=name&limit=6&q=" + word)
                .then()
                .statusCode(200)
                .body("items", hasSize(6))
                .body("total", greaterThanOrEqualTo(5))
                .body("totalIsEstimate", equalTo(true));
    }

    @Test
    void aFirstPageHoldingEveryMatchTellsItsExactTotalPastTheCap() {
        String word = "whole" + unique();
        articles(word, 7);
        anonymous()
                .get("/api/v1/articles?sort=-publishedAt&limit=100&q=" + word)
                .then()
                .statusCode(200)
                .body("items", hasSize(7))
                .body("total", equalTo(7))
                .body("$", not(hasKey("totalIsEstimate")));
    }

    @Test
    void aSearchCountsUpToItsOwnLowerCap() {
        String word = "searched" + unique();
        String tag = "capped-" + unique();
        for (int i = 0; i < 6; i++) {
            Articles.article()
                    .headline(word + " story " + i)
                    .tags(tag)
                    .published()
                    .publishedAt(NOW.minusSeconds(1000 - i).toString())
                    .create();
        }
        // A date and a tag together have no counter: both totals count rows, each up to its own cap.
        String after = "/api/v1/articles?limit=100&publishedAfter=" + NOW.minusSeconds(1001);
        anonymous()
                .get(after + "&tag=" + tag)
                .then()
                .statusCode(200)
                .body("total", equalTo(6))
                .body("$", not(hasKey("totalIsEstimate")));
        anonymous()
                .get(after.replace("limit=100", "limit=5") + "&tag=" + tag + "&sort=-publishedAt&q=" + word)
                .then()
                .statusCode(200)
                .body("items", hasSize(5))
                .body("total", greaterThanOrEqualTo(5))
                .body("totalIsEstimate", equalTo(true));
    }

    @Test
    void aCountWithinTheCapIsExactAndUnflagged() {
        String word = "exact" + unique();
        articles(word, 5);
        person(word + " Person");
        anonymous()
                .get("/api/v1/articles?sort=-publishedAt&q=" + word)
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("$", not(hasKey("totalIsEstimate")));
        anonymous()
                .get("/api/v1/people?q=" + word)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("$", not(hasKey("totalIsEstimate")));
    }

    @Test
    void rankedSearchRanksOnlyTheNewestMatches() {
        String word = "ranked" + unique();
        // The oldest match is the most relevant (the word three times), yet not among the 3 newest.
        String oldest = Articles.article()
                .headline(word + " " + word + " " + word)
                .published()
                .publishedAt(NOW.minusSeconds(2000))
                .create();
        List<String> newer = articles(word, 4);
        List<String> newestThree = newer.subList(1, 4); // equally relevant to each other: compared as sets
        List<String> ranked = anonymous()
                .get("/api/v1/articles?limit=100&q=" + word)
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("next", nullValue())
                .extract()
                .path("items.id");
        assertEquals(
                newestThree.stream().sorted().toList(), ranked.stream().sorted().toList());
        List<String> byDate = anonymous()
                .get("/api/v1/articles?sort=-publishedAt&limit=100&q=" + word)
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertEquals(5, byDate.size());
        assertEquals(oldest, byDate.get(4));
    }

    /** The ranked walk counts its matches past the 3 candidates it ranks, up to the cap of 5. */
    @Test
    void aRankedSearchCountsBeyondItsCandidatesUpToTheCap() {
        String few = "fewer" + unique();
        articles(few, 4);
        anonymous()
                .get("/api/v1/articles?limit=100&q=" + few)
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("total", equalTo(4))
                .body("$", not(hasKey("totalIsEstimate")));
        String many = "more" + unique();
        articles(many, 6);
        anonymous()
                .get("/api/v1/articles?limit=100&q=" + many)
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("total", greaterThanOrEqualTo(5))
                .body("totalIsEstimate", equalTo(true));
    }
}
