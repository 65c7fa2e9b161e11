package news.masthead.articles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.sql.Reads;

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

    /** A dimension of the counters and its value; {@link #ALL} counts articles whatever they are about. */
    record Key(String dimension, String value) {
        static final Key ALL = new Key("", "");
    }

    @Inject
    Reads reads;

    /**
     * @param status    the status asked for, or null for any
     * @param anonymous the caller sees only visible articles ({@link Visibility})
     */
    long total(Key key, ArticleStatus status, boolean anonymous) {
        Set<ArticleStatus> statuses = status == null ? EnumSet.allOf(ArticleStatus.class) : EnumSet.of(status);
        if (anonymous) { // the statuses an article is visible in once its time has come; the embargoed are taken off
            // below
            statuses.removeIf(s -> !Visibility.visible(s, Instant.EPOCH, Instant.MAX));
        }
        if (statuses.isEmpty()) {
            return 0;
        }
        String sql = "select coalesce((select sum(n) from article_counts where status = any(cast(:statuses as text[]))"
                + " and dimension = :dimension and value = :value), 0)";
        if (anonymous) {
            // Embargoed articles are counted but not yet visible; there are few, and articles_scheduled_idx finds them.
            sql += " - (select count(*) from articles e join article_counted c on c.article_id = e.id"
                    + " where " + Visibility.embargoedSql("e") + " and e.status = any(cast(:statuses as text[]))"
                    + " and row(e.status, :dimension, :value)::article_count_key = any(c.keys))";
        }
        String array = statuses.stream().map(Enum::name).collect(Collectors.joining(",", "{", "}"));
        return reads.single(
                sql,
                Map.of("dimension", key.dimension(), "value", key.value(), "statuses", array),
                rs -> rs.getLong(1));
    }
}
