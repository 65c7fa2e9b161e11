package news.masthead.articles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import news.masthead.images.ImageJson;
import news.masthead.kernel.http.ETag;
import news.masthead.kernel.http.JsonText;
import news.masthead.kernel.paging.Filter;
import news.masthead.kernel.paging.JsonPage;
import news.masthead.kernel.paging.Listing;
import news.masthead.kernel.paging.PageRequest;
import news.masthead.kernel.paging.SortSpec;
import news.masthead.kernel.sql.JsonSql;
import news.masthead.kernel.sql.Lookup;
import news.masthead.kernel.sql.Reads;
import news.masthead.people.PersonJson;
import news.masthead.places.PlaceJson;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static news.masthead.kernel.sql.JsonSql.array;
import static news.masthead.kernel.sql.JsonSql.instant;
import static news.masthead.kernel.sql.JsonSql.object;
import static news.masthead.kernel.sql.JsonSql.value;

/**
 * The read path of articles: PostgreSQL builds the response JSON, includes and all, in one statement,
 * so no entity is loaded and nothing is parsed or serialised again in Java. The result matches what
 * Jackson writes for {@link ArticleView} (see the masthead_* functions of V6), and the visibility rules
 * are those of {@link Visibility}.
 */
@ApplicationScoped
public class ArticleJson {

    /**
     * An article's JSON with its validators. An anonymous caller's copy also depends on which related
     * articles are visible (a block naming a hidden one is left out), which changes without a new
     * version when one is published, retracted, deleted or comes due: its ETag then names the visible
     * ones too, and Last-Modified is the latest of those changes.
     */
    record Rendered(JsonText body, String etag, Instant lastModified) {}

    @Inject
    Reads reads;

    @Inject
    Listing listing;

    @Inject
    Instance<ArticleInclude> extraIncludes;

    /**
     * The expression per set of includes, kind of caller and fieldset: 16 without a fieldset, but fieldsets are many,
     * so past this number they are built for each use.
     */
    private static final int KEPT_EXPRESSIONS = 256;

    private final Map<String, List<String>> objects = new ConcurrentHashMap<>();

    /**
     * A page of the articles {@code filter} selects, in one statement; the caller has already been allowed to see them.
     * With {@code only} (a fieldset, else null), only those fields are rendered: a teaser list reads no body.
     */
    JsonPage page(
            Filter filter,
            SortSpec sort,
            PageRequest request,
            Listing.Counted counted,
            Set<String> include,
            boolean seesAll,
            Set<String> only) {
        return listing.jsonPage("articles", "a", columns(include, seesAll, only), filter, sort, request, counted);
    }

    /** The article by id or slug when the caller may see it. */
    Optional<Rendered> one(String idOrSlug, Set<String> include, boolean seesAll) {
        Optional<UUID> id = Lookup.asId(idOrSlug);
        if (id.isEmpty() && !Lookup.couldBeSlug(idOrSlug)) {
            return Optional.empty(); // no slug can look like this
        }
        String validators = seesAll
                ? ", null, " + Reads.epochMicros("a.updated_at") + " from articles a"
                : ", s.visible, " + Reads.epochMicros("greatest(a.updated_at, s.changed)")
                        + " from articles a cross join lateral"
                        + " masthead_related_state(case when a.rendered_head is null"
                        + " and strpos(a.body::text, '\"articleId\"') > 0 then a.body::jsonb end) s";
        List<String> columns = columns(include, seesAll, null);
        String sql = "select " + String.join(", ", columns) + ", a.version" + validators + " where "
                + Visibility.byIdOrSlug(id.isPresent()) + " and "
                + (seesAll ? "true" : Visibility.publicArticleSql("a"))
                + Visibility.ID_FIRST;
        Map<String, Object> params = new HashMap<>(Map.of("slug", idOrSlug));
        id.ifPresent(uuid -> params.put("id", uuid.toString()));
        return reads.list(sql, params, row -> rendered(row, columns.size())).stream()
                .findFirst();
    }

    /**
     * A copy that hides no block is the editors' copy, byte for byte: the version's tag. Else it names the visible
     * ones.
     */
    private static Rendered rendered(ResultSet row, int columns) throws SQLException {
        JsonText.Builder json = new JsonText.Builder();
        for (int i = 1; i <= columns; i++) {
            json.add(row.getBytes(i));
        }
        long version = row.getLong(columns + 1);
        String visibleRelated = row.getString(columns + 2);
        String etag = visibleRelated == null || !visibleRelated.contains("0")
                ? ETag.version(version)
                : ETag.version(version, "r" + visibleRelated);
        return new Rendered(json.build(), etag, Reads.instant(row.getLong(columns + 3)));
    }

    private List<String> columns(Set<String> include, boolean seesAll, Set<String> only) {
        String key = include.stream().sorted().collect(Collectors.joining(",")) + "|" + seesAll + "|" + only;
        List<String> sql = objects.get(key);
        if (sql == null) {
            sql = buildColumns(include, seesAll, only, extraIncludes);
            if (objects.size() < KEPT_EXPRESSIONS) {
                objects.put(key, sql);
            }
        }
        return sql;
    }

    /**
     * SQL expressions whose texts, one after the other, are the article row aliased {@code a} as JSON, with only the
     * fields {@code only} names if any. The stored whole (V24), nearly all of the text, is a column of its own: PostgreSQL
     * sends it as it is stored instead of copying it into a concatenation with the includes.
     */
    private static List<String> buildColumns(
            Set<String> include, boolean seesAll, Set<String> only, Iterable<ArticleInclude> extraIncludes) {
        // The stored parts (V15) are the editors' copy; the head is stored only when the body names no related article,
        // so an anonymous caller's body, which leaves out blocks naming hidden articles, is built here whenever it
        // could differ. What is stored depends on the row alone, never on the time or on other rows.
        // The stored body is already the API's JSON. Anonymous callers do not see related blocks naming an
        // article they may not see: a body with such a block is rebuilt without them.
        String body = seesAll
                ? "a.body::text"
                : "case when strpos(a.body::text, '\"articleId\"') = 0 then a.body::text else "
                        + array(
                                "masthead_block(b)",
                                "from jsonb_array_elements(a.body::jsonb) with ordinality x(b, n) where b -> 'articleId' is null"
                                        + " or exists (select 1 from articles r where r.id = (b ->> 'articleId')::uuid and "
                                        + Visibility.publicArticleSql("r") + ")",
                                "n")
                        + " end";
        List<String> linked = new ArrayList<>(LINK_PAIRS);
        linked.addAll(List.of("leadImage", LEAD_IMAGE));
        if (include.contains("people")) {
            linked.addAll(List.of(
                    "people",
                    array(
                            PersonJson.OBJECT,
                            "from article_people ap join people p on p.id = ap.person_id where ap.article_id = a.id",
                            "ap.position")));
        }
        if (include.contains("places")) {
            linked.addAll(List.of(
                    "places",
                    array(
                            PlaceJson.OBJECT,
                            "from article_places ap join places pl on pl.id = ap.place_id where ap.article_id = a.id",
                            "ap.position")));
        }
        for (ArticleInclude extra : extraIncludes) {
            if (include.contains(extra.name())) {
                linked.addAll(List.of(extra.name(), extra.sql()));
            }
        }
        if (include.contains("images")) { // one subquery per article, in the same statement: no N+1
            linked.addAll(List.of(
                    "images",
                    array(
                            ImageJson.OBJECT,
                            "from article_images ai join images i on i.id = ai.image_id where ai.article_id = a.id",
                            "i.created_at, i.id")));
        }
        // Key order as ArticleView: the row's fields, then the linked records, then createdAt, updatedAt, version, then
        // the includes.
        List<String> includes = linked.subList(6, linked.size());
        if (only != null) { // a sparse copy is built from the columns it names: a teaser reads no body
            List<String> all = new ArrayList<>(headPairs(body));
            all.addAll(linked.subList(0, 6));
            all.addAll(TAIL_PAIRS);
            all.addAll(includes);
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < all.size(); i += 2) {
                if (only.contains(all.get(i))) {
                    kept.addAll(all.subList(i, i + 2));
                }
            }
            return List.of(object(kept.toArray(String[]::new)));
        }
        // The stored whole (V24) while it is current; else built here: inside the transaction that changed the article,
        // after its lead image changed, and for a body that names a related article (no stored head).
        String built =
                whole("coalesce(a.rendered_head, " + head(body) + ")", "coalesce(a.rendered_tail, " + TAIL + ")");
        return List.of(
                "coalesce((select w.rendered from article_rendered w where w.article_id = a.id and w.version = a.version"
                        + " and (a.lead_image_id is null or w.lead_version = (select i.version from images i"
                        + " where i.id = a.lead_image_id))), " + built + ")",
                includes.isEmpty() ? "'}'" : "(',' || " + members(includes) + " || '}')");
    }

    /**
     * SQL expression: the article row aliased {@code a} as JSON as the caller sees it, without includes, as
     * {@link ArticleView} writes it: for a record that embeds its article.
     */
    public static String embedded(boolean seesAll) {
        return String.join(" || ", buildColumns(Set.of(), seesAll, null, List.of()));
    }

    /** SQL expression: the article without includes and without its closing brace, from its head and tail. */
    private static String whole(String head, String tail) {
        return head + " || ',' || " + LINKS + " || ',' || " + members(List.of("leadImage", LEAD_IMAGE)) + " || " + tail;
    }

    /**
     * SQL expression: the editors' copy of the article as {@link #whole}, built from the row; V24 stores it in
     * {@code article_rendered}.
     */
    static String whole() {
        return whole(head("a.body::text"), TAIL);
    }

    private static String members(List<String> keysAndJson) {
        return JsonSql.members(keysAndJson.toArray(String[]::new));
    }

    /**
     * SQL expression: the object's opening brace and the row's own fields up to commentsOpen, with this body; with
     * {@code a.body::text} it is what V15 stores in {@code articles.rendered_head}.
     */
    static String head(String body) {
        return "'{' || " + members(headPairs(body));
    }

    /** The row's own fields up to commentsOpen, as key and SQL expression pairs. */
    private static List<String> headPairs(String body) {
        return List.of(
                "id",
                value("a.id"),
                "slug",
                value("a.slug"),
                "headline",
                value("a.headline"),
                "standfirst",
                value("a.standfirst"),
                "body",
                body,
                "source",
                value("a.source"),
                "byline",
                value("a.byline"),
                "section",
                value("a.section"),
                "tags",
                value("a.tags"),
                "language",
                value("a.language"),
                "status",
                value("a.status"),
                "publishedAt",
                instant("a.published_at"),
                "commentsOpen",
                value("a.comments_open"));
    }

    /** The ids of the records in other rows: people and places, in their order. */
    private static final List<String> LINK_PAIRS = List.of(
            "personIds",
            array(value("ap.person_id"), "from article_people ap where ap.article_id = a.id", "ap.position"),
            "placeIds",
            array(value("ap.place_id"), "from article_places ap where ap.article_id = a.id", "ap.position"));

    /**
     * SQL expression: personIds and placeIds as members (V19's {@code article_links_rendered}, stored at commit in the
     * whole of V24).
     */
    static final String LINKS = members(LINK_PAIRS);

    private static final List<String> TAIL_PAIRS = List.of(
            "createdAt", instant("a.created_at"), "updatedAt", instant("a.updated_at"), "version", value("a.version"));

    /** SQL expression: createdAt, updatedAt and version with their leading comma; V15 stores it in {@code articles.rendered_tail}. */
    static final String TAIL = "',' || " + members(TAIL_PAIRS);

    /** The lead image resolved (as {@link LeadImageView}): the article's caption, else the image's own. */
    private static final String LEAD_IMAGE = "coalesce((select "
            + object(
                    "imageId",
                    value("i.id"),
                    "caption",
                    value("coalesce(a.lead_image_caption, i.caption)"),
                    "url",
                    value("'/api/v1/images/' || i.id || '/file?v=' || i.version"),
                    "width",
                    value("i.width"),
                    "height",
                    value("i.height"),
                    "alt",
                    value("i.alt"))
            + " from images i where i.id = a.lead_image_id), 'null')";
}
