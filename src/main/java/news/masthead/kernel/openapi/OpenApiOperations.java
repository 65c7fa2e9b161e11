package news.masthead.kernel.openapi;

import java.util.Map;

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
            entry("DELETE /api/v1/tokens/{id}", "deleteToken"));

    private OpenApiOperations() {
    }
}
