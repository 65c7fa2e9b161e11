package news.masthead.articles;

import jakarta.enterprise.context.ApplicationScoped;
import news.masthead.kernel.paging.Listing;
import news.masthead.kernel.sql.Lookup;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Exact article totals from the counters of V9 (keyed by their text since V10), for lists filtered by status and
 * at most one of tag, section, person or place: a few index probes, however many articles match.
 */
@ApplicationScoped
class ArticleCounts {

    /**
     * A dimension of the counters and its value, or the record whose id is the value (by slug too: the statement reads
     * the id); {@link #ALL} counts articles whatever they are about.
     */
    record Key(String dimension, String value, Lookup.Reference record) {
        static final Key ALL = new Key("", "");

        Key(String dimension, String value) {
            this(dimension, value, null);
        }

        Key(String dimension, Lookup.Reference record) {
            this(dimension, record.text(), record);
        }

        /** SQL: the value as text, bound as :{@code param} (a record's id or slug as text). */
        String valueSql(String param) {
            return record == null ? ":" + param : "cast(" + record.idSql(param) + " as text)";
        }
    }

    /**
     * The total as a scalar SQL expression, run inside the statement that walks the page (one round trip, one
     * snapshot for both): its parameters are named {@code total_*}, apart from any filter's.
     *
     * @param status    the status asked for, or null for any
     * @param anonymous the caller sees only visible articles ({@link Visibility})
     */
    Listing.Counted total(Key key, ArticleStatus status, boolean anonymous) {
        Set<ArticleStatus> statuses = status == null ? EnumSet.allOf(ArticleStatus.class) : EnumSet.of(status);
        if (anonymous) { // the statuses an article is visible in once its time has come; the embargoed are taken off
            // below
            statuses.removeIf(s -> !Visibility.visible(s, Instant.EPOCH, Instant.MAX));
        }
        if (statuses.isEmpty()) {
            return new Listing.Counted("0", Map.of());
        }
        String value = key.valueSql("total_value");
        String sql = "coalesce((select sum(n) from article_counts where status = any(cast(:total_statuses as text[]))"
                + " and dimension = :total_dimension and value = " + value + "), 0)";
        if (anonymous && statuses.contains(ArticleStatus.scheduled)) {
            // Embargoed articles are counted but not yet visible; there are few, and V22's index holds them with their
            // keys.
            sql += " - (select count(*) from article_counted c where c.scheduled_at > now()"
                    + " and :total_dimension || '=' || " + value + " = any(c.scheduled_keys))";
        }
        String array = statuses.stream().map(Enum::name).collect(Collectors.joining(",", "{", "}"));
        return new Listing.Counted(
                sql, Map.of("total_dimension", key.dimension(), "total_value", key.value(), "total_statuses", array));
    }
}
