package news.masthead.kernel.openapi;

/** Texts and media types shared by the resources' OpenAPI annotations. */
public final class OpenApiDocs {

    public static final String ID_OR_SLUG = "The resource's id (UUID) or its slug";
    public static final String ID = "The resource's id (UUID)";
    public static final String MERGE_PATCH = "application/merge-patch+json";
    /** How a search without sort is ranked; followed by the order its candidates are taken in. */
    public static final String RANKED =
            ". Without sort, the results are ranked by relevance, but only the first 1000 matches "
                    + "(a setting, cms.search.rank-candidates) are ranked, so a word found in most items costs no more than a rare one: the list "
                    + "ends after those 1000, while total still counts every match. With a sort, every match is listed in that order. "
                    + "The ranked matches are the first ones ";

    /** The fields= parameter; OpenApiFilter lists each operation's field names in its schema. */
    public static final String FIELDS =
            "Sparse fieldset: a comma-separated list of top-level fields to return (of each item, in a list); id (where the record has one) is always "
                    + "returned, fields keep the record's own order, an unknown name gives 400. An include's array "
                    + "(e.g. people) appears only when both included and listed. Without it, every field.";

    private OpenApiDocs() {}
}
