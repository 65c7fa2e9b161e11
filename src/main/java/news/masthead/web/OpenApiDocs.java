package news.masthead.web;

/** Texts and media types shared by the resources' OpenAPI annotations. */
public final class OpenApiDocs {

    public static final String ID_OR_SLUG = "The resource's id (UUID) or its slug";
    public static final String ID = "The resource's id (UUID)";
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private OpenApiDocs() {
    }
}
