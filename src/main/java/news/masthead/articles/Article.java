package news.masthead.articles;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import news.masthead.kernel.sql.VersionedEntity;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "articles")
public class Article extends VersionedEntity {

    /**
     * SQL standing in for the articles table (alias it e): the articles in the place whose id is {@code placeId} (SQL)
     * or in any place inside it, from article_places_within (V9; its rows come from V12's place_containers, as do the
     * counters' place keys). Lists and feeds filter by place through it, so both walk the index of that place by date,
     * as long as the page.
     */
    public static String inPlace(String placeId) {
        return byDate("article_places_within", "place_id = " + placeId);
    }

    /**
     * SQL standing in for the articles table (alias it e): the articles tagged :tag, from article_tagged (V19), so a
     * list by tag walks that tag's index by date, as {@link #inPlace} does for a place.
     */
    public static final String TAGGED_SQL = byDate("article_tagged", "tag = :tag");

    /**
     * SQL standing in for the articles table (alias it e): the articles naming the person whose id is {@code personId}
     * (SQL), from article_named (V23), so a list by person walks that person's index by date, as {@link #TAGGED_SQL}
     * does for a tag.
     */
    public static String naming(String personId) {
        return byDate("article_named", "person_id = " + personId);
    }

    /**
     * The rows of {@code index} (a table of article_id and published_at kept at commit) meeting {@code condition} on
     * its columns, with the article columns lists filter on: a list walks that index by date, and its id is the
     * index's, so cursors stay in the index too.
     */
    private static String byDate(String index, String condition) {
        return "(select x.article_id as id, x.published_at, a.status, a.tags, a.section, a.search, a.updated_at,"
                + " a.headline from " + index + " x join articles a on a.id = x.article_id where x." + condition + ")";
    }

    /** SQL condition on an article aliased e: it names the person whose id is {@code personId} (SQL). */
    public static String namesPerson(String personId) {
        return "exists (select 1 from article_people ap where ap.article_id = e.id and ap.person_id = " + personId
                + ")";
    }

    public String slug;
    public String headline;
    public String standfirst;
    /** The body blocks as JSON text, stored as Jackson wrote it (reads copy it out); the service converts them. */
    @Column(columnDefinition = "json")
    @ColumnTransformer(write = "?::json")
    public String body;

    public String source;
    public String byline;
    public String section;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags = new ArrayList<>();

    public String language;

    @Enumerated(EnumType.STRING)
    public ArticleStatus status;

    public Instant publishedAt;
    public boolean commentsOpen;
    public UUID leadImageId;
    public String leadImageCaption;

    @ElementCollection
    @CollectionTable(name = "article_people", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "person_id")
    public List<UUID> personIds = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "article_places", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "place_id")
    public List<UUID> placeIds = new ArrayList<>();
}
