package news.masthead.places;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import news.masthead.Api;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.Places;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * "A place and everything inside it" (V12's place_subtree, and place_containers read upwards) is one answer
 * whoever asks: the articles list's ?place=, a place's articles, the feeds' place filter and the list totals
 * (the counters) name the same articles, for every level of a country > region > town hierarchy, before and
 * after a town moves out of its region; and the places list's ?within= names the places below.
 */
@QuarkusTest
class PlaceScopeTest {

    /** The status of each article made here, by id, and those whose time is still ahead. */
    private final Map<String, String> statuses = new LinkedHashMap<>();

    private final Set<String> embargoed = new HashSet<>();

    @Test
    void listsFeedsAndCountsAgreeOnAPlaceAndEverythingInsideIt() {
        String u = unique();
        String country = Places.place().name("Scopeland " + u).kind("country").create();
        String region = Places.place()
                .name("Scope Oblast " + u)
                .kind("region")
                .parent(country)
                .create();
        String town = Places.place()
                .name("Scopetown " + u)
                .kind("town")
                .parent(region)
                .create();
        Instant now = Instant.now();
        String inCountry = article("published", null, country);
        String inRegion = article("published", null, region);
        String inTown = article("published", null, town);
        String inTownAndRegion = article("published", null, town, region);
        String dueInTown = article("scheduled", now.minus(1, ChronoUnit.HOURS), town);
        String embargoedInRegion = article("scheduled", now.plus(1, ChronoUnit.DAYS), region);
        String draftInTown = article("draft", null, town);
        String archivedInCountry = article("archived", null, country);

        assertPlaceHolds(town, Set.of(inTown, inTownAndRegion, dueInTown, draftInTown));
        assertPlaceHolds(region, Set.of(inRegion, inTown, inTownAndRegion, dueInTown, embargoedInRegion, draftInTown));
        assertPlaceHolds(country, Set.copyOf(statuses.keySet()));
        assertEquals(Set.of(region, town), within(country));
        assertEquals(Set.of(town), within(region));

        Places.place().without("name").with("parentId", null).patch(town).then().statusCode(200);

        assertPlaceHolds(town, Set.of(inTown, inTownAndRegion, dueInTown, draftInTown));
        assertPlaceHolds(region, Set.of(inRegion, inTownAndRegion, embargoedInRegion));
        assertPlaceHolds(country, Set.of(inCountry, inRegion, inTownAndRegion, embargoedInRegion, archivedInCountry));
        assertEquals(Set.of(region), within(country));
        assertEquals(Set.of(), within(town));
    }

    private String article(String status, Instant publishedAt, String... placeIds) {
        Articles article = Articles.article().status(status).placeIds(placeIds);
        String id = (publishedAt == null ? article : article.publishedAt(publishedAt)).create();
        statuses.put(id, status);
        if (publishedAt != null && publishedAt.isAfter(Instant.now())) {
            embargoed.add(id);
        }
        return id;
    }

    /** Every read of the place names exactly {@code all} for editors and its visible ones for anyone, with totals that agree. */
    private void assertPlaceHolds(String place, Set<String> all) {
        Set<String> visible = all.stream()
                .filter(id -> Set.of("published", "scheduled").contains(statuses.get(id)) && !embargoed.contains(id))
                .collect(Collectors.toSet());
        for (String status : List.of("", "published", "scheduled", "draft", "archived")) {
            assertListed("editor", Api::editor, place, status, only(all, status));
            assertListed("anonymous", Api::anonymous, place, status, only(visible, status));
        }
        for (RequestSpecification caller : List.of(anonymous(), editor())) {
            JsonPath feed = caller.queryParam("place", place)
                    .get("/api/v1/feeds/articles.json")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(
                    visible,
                    new HashSet<>(feed.getList("items.id", String.class)),
                    "the feed of " + place + " (anyone's view)");
        }
    }

    private Set<String> only(Set<String> ids, String status) {
        return ids.stream()
                .filter(id -> status.isEmpty() || statuses.get(id).equals(status))
                .collect(Collectors.toSet());
    }

    /** The articles list filtered by place, and the place's own list of articles: the same items, and a total that counts them. */
    private static void assertListed(
            String who, Supplier<RequestSpecification> caller, String place, String status, Set<String> expected) {
        String query = "limit=100" + (status.isEmpty() ? "" : "&status=" + status);
        for (String path : List.of(
                "/api/v1/articles?place=" + place + "&" + query, "/api/v1/places/" + place + "/articles?" + query)) {
            JsonPath page =
                    caller.get().get(path).then().statusCode(200).extract().jsonPath();
            String what = who + " " + path;
            assertEquals(expected, new HashSet<>(page.getList("items.id", String.class)), what);
            assertEquals(expected.size(), page.getInt("total"), what + ": total");
        }
    }

    private static Set<String> within(String place) {
        return new HashSet<>(anonymous()
                .get("/api/v1/places?limit=100&within=" + place)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class));
    }
}
