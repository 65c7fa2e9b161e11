package news.masthead.kernel.openapi;

import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * The operationId of every operation: what generated clients name their methods, so they must not change.
 * {@link OpenApiFilter} refuses an operation missing here (the spec is not served), so a new one gets its id.
 */
final class OpenApiOperations {

    static final Map<String, String> IDS = Map.ofEntries(
            entry("GET /api/v1/articles", "listArticles"),
            entry("POST /api/v1/articles", "createArticle"),
            entry("GET /api/v1/articles/{idOrSlug}", "getArticle"),
            entry("PUT /api/v1/articles/{idOrSlug}", "replaceArticle"),
            entry("PATCH /api/v1/articles/{idOrSlug}", "updateArticle"),
            entry("DELETE /api/v1/articles/{idOrSlug}", "deleteArticle"),
            entry("GET /api/v1/articles/{idOrSlug}/comments", "listArticleComments"),
            entry("POST /api/v1/articles/{idOrSlug}/comments", "createArticleComment"),
            entry("GET /api/v1/changes", "listChanges"),
            entry("GET /api/v1/comments", "listComments"),
            entry("GET /api/v1/comments/{id}", "getComment"),
            entry("PATCH /api/v1/comments/{id}", "updateComment"),
            entry("DELETE /api/v1/comments/{id}", "deleteComment"),
            entry("GET /api/v1/feeds/articles.atom", "getArticlesAtomFeed"),
            entry("GET /api/v1/feeds/articles.json", "getArticlesJsonFeed"),
            entry("GET /api/v1/images", "listImages"),
            entry("POST /api/v1/images", "uploadImage"),
            entry("GET /api/v1/images/{id}", "getImage"),
            entry("PUT /api/v1/images/{id}", "replaceImage"),
            entry("PATCH /api/v1/images/{id}", "updateImage"),
            entry("DELETE /api/v1/images/{id}", "deleteImage"),
            entry("GET /api/v1/images/{id}/file", "getImageFile"),
            entry("GET /api/v1/people", "listPeople"),
            entry("POST /api/v1/people", "createPerson"),
            entry("GET /api/v1/people/{idOrSlug}", "getPerson"),
            entry("PUT /api/v1/people/{idOrSlug}", "replacePerson"),
            entry("PATCH /api/v1/people/{idOrSlug}", "updatePerson"),
            entry("DELETE /api/v1/people/{idOrSlug}", "deletePerson"),
            entry("GET /api/v1/people/{idOrSlug}/articles", "listPersonArticles"),
            entry("GET /api/v1/people/{idOrSlug}/quotes", "listPersonQuotes"),
            entry("GET /api/v1/places", "listPlaces"),
            entry("POST /api/v1/places", "createPlace"),
            entry("GET /api/v1/places/{idOrSlug}", "getPlace"),
            entry("PUT /api/v1/places/{idOrSlug}", "replacePlace"),
            entry("PATCH /api/v1/places/{idOrSlug}", "updatePlace"),
            entry("DELETE /api/v1/places/{idOrSlug}", "deletePlace"),
            entry("GET /api/v1/places/{idOrSlug}/articles", "listPlaceArticles"),
            entry("GET /api/v1/quotes", "listQuotes"),
            entry("POST /api/v1/quotes", "createQuote"),
            entry("GET /api/v1/quotes/{id}", "getQuote"),
            entry("PUT /api/v1/quotes/{id}", "replaceQuote"),
            entry("PATCH /api/v1/quotes/{id}", "updateQuote"),
            entry("DELETE /api/v1/quotes/{id}", "deleteQuote"),
            entry("GET /api/v1/tokens", "listTokens"),
            entry("POST /api/v1/tokens", "createToken"),
            entry("GET /api/v1/tokens/{id}", "getToken"),
            entry("DELETE /api/v1/tokens/{id}", "deleteToken"),
            entry("GET /api/v1/webhooks", "listWebhooks"),
            entry("POST /api/v1/webhooks", "createWebhook"),
            entry("GET /api/v1/webhooks/{id}", "getWebhook"),
            entry("PUT /api/v1/webhooks/{id}", "replaceWebhook"),
            entry("PATCH /api/v1/webhooks/{id}", "updateWebhook"),
            entry("DELETE /api/v1/webhooks/{id}", "deleteWebhook"),
            entry("POST /api/v1/webhooks/{id}/rotate-secret", "rotateWebhookSecret"),
            entry("POST /api/v1/webhooks/{id}/replay", "replayWebhook"),
            entry("POST /api/v1/webhooks/{id}/ping", "pingWebhook"),
            entry("GET /api/v1/webhooks/{id}/deliveries", "listWebhookDeliveries"));

    /** POST operations that act on a resource rather than create one: they answer 200, without Location. */
    static final Set<String> ACTIONS = Set.of("rotateWebhookSecret", "replayWebhook", "pingWebhook");

    private OpenApiOperations() {}
}
