package news.masthead.kernel.http;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import news.masthead.BehindProxy;
import news.masthead.fixtures.Articles;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.person;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behind a trusted proxy, every URL the service writes uses the scheme, host and path prefix the client used. */
@QuarkusTest
@TestProfile(BehindProxy.class)
class ForwardedLinksTest {

    private static final String PUBLIC = "https://news.example.org/cms";

    private static RequestSpecification viaProxy(RequestSpecification request) {
        return request.header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "news.example.org")
                .header("X-Forwarded-Prefix", "/cms")
                .header("X-Forwarded-For", "203.0.113.10");
    }

    @Test
    void locationUsesTheForwardedSchemeHostAndPrefix() {
        viaProxy(editor())
                .body(Map.of("name", "Proxy person " + unique()))
                .post("/api/v1/people")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(PUBLIC + "/api/v1/people/[0-9a-f-]{36}"));
        String article =
                Articles.article().headline("Proxied " + unique()).published().create();
        viaProxy(anonymous())
                .body(Map.of("authorName", "Reader", "authorEmail", "r@example.org", "body", "hi"))
                .post("/api/v1/articles/" + article + "/comments")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(PUBLIC + "/api/v1/comments/[0-9a-f-]{36}"));
    }

    @Test
    void nextLinkUsesTheForwardedSchemeHostAndPrefix() {
        person("Proxy list " + unique());
        person("Proxy list " + unique());
        viaProxy(anonymous())
                .get("/api/v1/people?limit=1")
                .then()
                .statusCode(200)
                .header("Link", matchesPattern("<" + PUBLIC + "/api/v1/people\\?limit=1&cursor=[^>]+>; rel=\"next\""));
    }

    @Test
    void feedAndNinjsLinksUseTheForwardedSchemeHostAndPrefix() {
        String personId = person("Proxy ninjs " + unique());
        String slug = Articles.article()
                .headline("Proxied ninjs " + unique())
                .published()
                .personIds(personId)
                .post()
                .then()
                .statusCode(201)
                .extract()
                .path("slug");
        viaProxy(anonymous())
                .get("/api/v1/feeds/articles.json")
                .then()
                .statusCode(200)
                .body("feed_url", equalTo(PUBLIC + "/api/v1/feeds/articles.json"))
                .body("home_page_url", equalTo(PUBLIC + "/api/v1/articles"))
                .body("items[0].url", startsWith(PUBLIC + "/api/v1/articles/"));
        String atom = viaProxy(anonymous())
                .get("/api/v1/feeds/articles.atom")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                atom.contains("rel=\"self\" type=\"application/atom+xml\" href=\"" + PUBLIC
                        + "/api/v1/feeds/articles.atom\""),
                atom.substring(0, Math.min(atom.length(), 600)));
        viaProxy(anonymous())
                .accept("application/ninjs+json")
                .get("/api/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .body("people[0].uri", equalTo(PUBLIC + "/api/v1/people/" + personId));
    }
}
