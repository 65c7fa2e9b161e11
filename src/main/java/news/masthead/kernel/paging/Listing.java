package news.masthead.kernel.paging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.masthead.kernel.cache.ReadCache;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.http.JsonText;
import news.masthead.kernel.http.SurrogateKeys;
import news.masthead.kernel.paging.Page.Total;
import news.masthead.kernel.paging.SortSpec.SortField;
import news.masthead.kernel.sql.IdList;
import news.masthead.kernel.sql.Reads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a keyset-paginated list: one SQL statement walks the page (one row more than asked, to know whether a next page
 * exists) and renders it as JSON ({@link #jsonPage}), or picks its ids for entities loaded by a second one
 * ({@link #page}); one more counts when a total is wanted and none is known, cached or told by a first page that holds
 * every match. None reads an unbounded number of rows: a ranked sort orders only a bounded set of candidates (see
 * {@link SortSpec#candidates()}), and a count stops at a cap.
 */
@ApplicationScoped
public class Listing {

    /** Tables whose every write lands in the change feed, so that {@link ReadCache} may keep their totals. */
    private static final Set<String> TRACKED = Set.of("articles", "people", "places", "quotes", "comments", "images");
    /** The estimated rows of a plan's top node, in EXPLAIN's text output. */
    private static final Pattern PLAN_ROWS = Pattern.compile("\\brows=(\\d+)");

    @Inject
    EntityManager em;

    @Inject
    Reads reads;

    @Inject
    ReadCache cache;

    @Inject
    CmsConfig config;

    /**
     * @param entity the entity class, loaded by id after the page is chosen
     * @param table  the table, aliased "e" in the filter and sort expressions
     * @param idOf   the entity's id, to keep the chosen order
     */
    public <E> Page<E> page(
            Class<E> entity, String table, Function<E, UUID> idOf, Filter filter, SortSpec sort, PageRequest request) {
        Page<UUID> ids = ids(table, filter, sort, request);
        return ids.withItems(load(entity, ids.items(), idOf));
    }

    /** The page's ids in order. */
    private Page<UUID> ids(String table, Filter filter, SortSpec sort, PageRequest request) {
        if (filter.matchesNothing()) {
            return new Page<>(List.of(), request.withTotal() ? 0L : null, request.limit(), null);
        }
        Walk walk = walk(table, filter, sort, request, false);
        String sql = "select e.id, " + Keyset.cursorValue(walk.order()) + walk.from() + Keyset.orderBy(walk.order())
                + " limit " + (request.limit() + 1);
        List<Keyed> rows =
                reads.list(sql, walk.params(), rs -> new Keyed(rs.getObject(1, UUID.class), rs.getString(2)));

        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < rows.size() && i < request.limit(); i++) {
            ids.add(rows.get(i).id());
        }
        String next = rows.size() > request.limit() ? walk.next(rows.get(request.limit() - 1)) : null;
        return Page.of(
                ids,
                request.withTotal() ? total(table, filter, request, next != null, ids.size()) : null,
                request.limit(),
                next);
    }

    /**
     * A total the caller knows how to count exactly: a scalar SQL expression (e.g. a read of kept counters) with its
     * parameters, whose names must differ from those of the page's filter.
     */
    public record Counted(String sql, Map<String, Object> params) {}

    /**
     * A list page of {@code table} for {@code params} (the request's public fields, its cache key), its entry named
     * {@code kind} (the table and what else shapes it, such as what the caller may see), kept in the read cache while
     * no change touched a record it shows (the keys of its Surrogate-Key) or, in place of its collection's, one of the
     * keys its filter's {@link Filter#changesWith} named (such as {@link ReadCache#listed}). {@code page} computes it.
     */
    public JsonPage cached(String table, String kind, Object params, Supplier<JsonPage> page) {
        return cache.getByStatements(
                cache.key(kind, params),
                p -> SurrogateKeys.list(table, p.body()),
                (p, keys) -> p.dependencies(table, keys),
                p -> p.body().bytes(),
                page);
    }

    /**
     * A page of rows of {@code table} (aliased {@code alias}) rendered by the SQL expressions {@code columns} (see
     * {@link news.masthead.kernel.sql.JsonSql}, whose texts follow one another: PostgreSQL sends each stored text as
     * it is, and the array is put together here), walked, rendered and counted when {@code counted} says how by one
     * statement, in one snapshot. The walk's rows are rendered as they come off the index: the row under the filter's
     * alias {@code e} is also the rendering's {@code alias} through a lateral {@code (select e.*)}, which the planner
     * flattens away (a filter walking another index, e.g. a tag's, joins the table by id instead; a ranked page sorts
     * its candidates' ids and ranks first, then joins only the page's rows). The row after the page, fetched to know
     * whether a next page exists, is rendered too and not sent: cheaper than walking into a CTE and joining the table
     * again to render only the page (newest 20 at 100k, pgbench: 5,260-5,450 statements a second that way, 6,140-6,490
     * this way).
     *
     * @param counted how to count the page's total exactly (an uncorrelated subquery, run once), else null: counted by
     *     a ranked page's own walk, by a first page that holds every match, or else by a statement of its own, when
     *     asked for
     */
    public JsonPage jsonPage(
            String table,
            String alias,
            List<String> columns,
            Filter filter,
            SortSpec sort,
            PageRequest request,
            Counted counted) {
        if (filter.matchesNothing()) {
            return JsonPage.of(EMPTY, request.withTotal() ? Total.exact(0) : null, request.limit(), null)
                    .through(filter);
        }
        // A ranked page counts its candidates as it ranks them: the total, up to the cap, with no statement of its own.
        boolean countsCandidates = sort.candidates() != null && counted == null && request.withTotal();
        Walk walk = walk(table, filter, sort, request, countsCandidates);
        Map<String, Object> params = walk.params();
        String counting = countsCandidates ? "walked.walk_total" : "null";
        String floor = walk.floors() ? "walked.walk_floor" : "null";
        if (counted != null) {
            params = new HashMap<>(params);
            params.putAll(counted.params());
            counting = "(" + counted.sql() + ")";
        }
        String columnsSql = String.join(", ", columns);
        String limit = " limit " + (request.limit() + 1);
        String sql;
        if (sort.candidates() == null) {
            String row = filter.source(table).equals(table) // e is the table's whole row, else a few of its columns
                    ? " cross join lateral (select e.*) " + alias
                    : " join " + table + " " + alias + " on " + alias + ".id = e.id";
            sql = "select e.id, " + Keyset.cursorValue(walk.order()) + ", " + counting + ", null, " + columnsSql
                    + walk.from(row) + Keyset.orderBy(walk.order()) + limit;
        } else { // ranked: the candidates are sorted as ids and ranks, and only the page's rows joined and rendered
            sql = "select walked.id, " + Keyset.cursorValue(walk.order(), "walked.walk_rank") + ", " + counting + ", "
                    + floor + ", " + columnsSql + " from (select e.id, e.walk_rank, e.walk_total"
                    + (walk.floors() ? ", e.walk_floor" : "") + walk.from()
                    + Keyset.orderBy(walk.order())
                    + limit + ") walked join " + table + " " + alias + " on " + alias + ".id = walked.id"
                    + Keyset.orderBy(walk.order(), "walked.walk_rank", "walked.id") + limit;
        }
        JsonText.Builder json = new JsonText.Builder().add(OPEN);
        Walked walked = new Walked();
        reads.each(sql, params, rs -> {
            if (rs.getRow() > request.limit()) {
                walked.more = true;
                return;
            }
            if (rs.getRow() > 1) {
                json.add(COMMA);
            }
            for (int i = RENDERED_FROM; i < RENDERED_FROM + columns.size(); i++) {
                json.add(rs.getBytes(i));
            }
            walked.rows = rs.getRow();
            walked.last = new Keyed(rs.getObject(1, UUID.class), rs.getString(2));
            walked.counted = rs.getLong(3);
            long floorValue = rs.getLong(4);
            walked.floor = rs.wasNull() ? null : floorValue;
        });
        Total total = null;
        if (countsCandidates && walked.last != null) {
            long cap = totalCap(filter);
            total = walked.counted <= cap ? Total.exact(walked.counted) : estimate(table, filter, cap);
        } else if (request.withTotal()) {
            total = counted == null
                    ? total(table, filter, request, walked.more, walked.rows)
                    : Total.exact(
                            walked.last != null // no row to carry the count: a page past the end
                                    ? walked.counted
                                    : reads.single("select " + counted.sql(), counted.params(), rs -> rs.getLong(1)));
        }
        return JsonPage.of(
                        json.add(CLOSE).build().bytes(),
                        total,
                        request.limit(),
                        walked.more ? walk.next(walked.last) : null)
                .withFloor(walk.floors() && walked.counted >= walk.limit() ? walked.floor : null)
                .through(filter);
    }

    /** The columns of a page's statement before the rendered ones: id, cursor value, counted total, floor. */
    private static final int RENDERED_FROM = 5;

    /** What the rows of a page's statement said besides their JSON. */
    private static final class Walked {
        int rows;
        Keyed last;
        boolean more;
        long counted;
        Long floor;
    }

    /**
     * What a page walks: the table aliased {@code e} (the ranked candidates first, for a ranked sort) and the condition
     * its rows meet after the cursor; the order it is read in; its parameters; the scope its cursors are valid in;
     * for a ranked walk, the rows it takes at most ({@code limit}, else 0) and whether it reports its floor
     * ({@code walk_floor}, when it takes only rows with a value there: see {@link JsonPage#floor}).
     */
    private record Walk(
            String source,
            String where,
            SortSpec order,
            Map<String, Object> params,
            String scope,
            long limit,
            boolean floors) {

        /** {@code " from … e where …"}. */
        String from() {
            return from("");
        }

        /** As {@link #from()}, with {@code joined} after the row aliased {@code e}. */
        String from(String joined) {
            return " from " + source + " e" + joined + " where " + where;
        }

        /** The cursor of the page after the one ending at {@code last}. */
        String next(Keyed last) {
            return new Cursor(scope, last.value(), last.id()).encode();
        }
    }

    /**
     * @param countCandidates whether a ranked walk counts its matches ({@code walk_total}) up to the total's cap, past
     *     the candidates if the cap is larger; every row walked is ranked, and only the candidates ({@code walk_n})
     *     are sorted by rank (a CASE ranking only those was slower with the default caps: 41-52 ms against 29-31 ms)
     */
    private Walk walk(String table, Filter filter, SortSpec sort, PageRequest request, boolean countCandidates) {
        String scope = table + "|" + sort.key() + "|" + filter.fingerprint();
        Cursor cursor = request.cursor() == null
                ? null
                : Cursor.decode(request.cursor(), scope, sort.field().type());
        Map<String, Object> params = new HashMap<>(filter.params());
        String source = filter.source(table);
        String where = "(" + filter.where() + ")";
        SortSpec order = sort;
        long limit = 0;
        boolean floors = false;
        if (sort.candidates() != null) {
            // Each candidate's rank is computed once, here: written again in the cursor's column, it would be computed
            // again for every candidate, as each :q is a parameter of its own.
            int candidates = config.search().rankCandidates();
            // Numbered in candidates order and counted: when asked to, the walk goes on to the total's cap + 1.
            limit = countCandidates ? Math.max(candidates, totalCap(filter) + 1) : candidates;
            floors = countCandidates && sort.floor() != null;
            String floor = floors // the last row's value; null if the walk reached rows without one (nulls last)
                    ? ", case when count(c." + sort.floor()
                            + ") over () = count(*) over () then "
                            + Reads.epochMicros("min(c." + sort.floor() + ") over ()") + " end as walk_floor"
                    : "";
            source = "(select c.*, count(*) over () as walk_total" + floor + " from (select e.*, "
                    + sort.field().sql()
                    + " as walk_rank, row_number() over (order by " + sort.candidates() + ") as walk_n from " + source
                    + " e where " + where + " order by " + sort.candidates() + " limit " + limit + ") c)";
            where = "e.walk_n <= " + candidates;
            SortField rank = new SortField(
                    "e.walk_rank", sort.field().nullable(), sort.field().type());
            order = new SortSpec(sort.name(), rank, sort.descending());
        }
        return new Walk(
                source, where + " and " + Keyset.after(order, cursor, params), order, params, scope, limit, floors);
    }

    /** A row of the page: its id and its sort value as the cursor's text. */
    private record Keyed(UUID id, String value) {}

    private static final byte[] OPEN = {'['};
    private static final byte[] COMMA = {','};
    private static final byte[] CLOSE = {']'};
    private static final byte[] EMPTY = {'[', ']'};

    /** The entities with these ids, in this order. */
    public <E> List<E> load(Class<E> entity, List<UUID> ids, Function<E, UUID> idOf) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, E> byId = new HashMap<>();
        IdList in = IdList.of("ids", ids);
        for (E e : in.bind(em.createQuery("from " + entity.getSimpleName() + " e where e.id " + in.in(), entity))
                .getResultList()) {
            byId.put(idOf.apply(e), e);
        }
        List<E> out = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            E e = byId.get(id);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** A page's total: a first page that holds every match ({@code more} false) counts its own rows, in its snapshot. */
    private Total total(String table, Filter filter, PageRequest request, boolean more, int rows) {
        return request.cursor() == null && !more ? Total.exact(rows) : total(table, filter);
    }

    /** A count scans the matching rows, so it is cached while current (the page itself is an index walk). */
    private Total total(String table, Filter filter) {
        return TRACKED.contains(table)
                ? cache.getByStatements(
                        "total|" + table + "|" + filter.fingerprint(),
                        t -> totalKeys(table, filter),
                        (t, keys) -> filter.dependencies(table, keys),
                        t -> null,
                        () -> count(table, filter))
                : count(table, filter);
    }

    /**
     * What a total depends on: its table's rows; the visibility of the articles that quotes and comments hang off, and
     * the articles whose use shows an image; the slug a filter by person names; the place tree a filter by place walks.
     */
    private static List<String> totalKeys(String table, Filter filter) {
        List<String> keys = new ArrayList<>(List.of(table));
        if (table.equals("images")) {
            keys.add("articles");
        } else if (table.equals("quotes") || table.equals("comments")) {
            keys.add(ReadCache.ARTICLES_LISTED);
        }
        if (filter.fingerprint().contains("person=")) {
            keys.add(ReadCache.listed("people"));
        }
        if (filter.fingerprint().contains("place=") || filter.fingerprint().contains("within=")) {
            keys.add(ReadCache.listed("places"));
        }
        return keys;
    }

    /**
     * The exact count up to the cap; past it, the planner's estimate of the rows (at least the cap), so a
     * filter that matches millions of rows never counts them all.
     */
    private Total count(String table, Filter filter) {
        long totalCap = totalCap(filter);
        long n = reads.single(
                "select count(*) from (" + rows(table, filter) + " limit " + (totalCap + 1) + ") c",
                filter.params(),
                rs -> rs.getLong(1));
        return n <= totalCap ? Total.exact(n) : estimate(table, filter, totalCap);
    }

    /** Past the cap: the planner's estimate of the rows, at least the cap. */
    private Total estimate(String table, Filter filter, long totalCap) {
        String plan = reads.single("explain " + rows(table, filter), filter.params(), rs -> rs.getString(1));
        Matcher estimate = PLAN_ROWS.matcher(plan);
        return new Total(estimate.find() ? Math.max(totalCap, Long.parseLong(estimate.group(1))) : totalCap, true);
    }

    private static String rows(String table, Filter filter) {
        return "select 1 from " + filter.source(table) + " e where " + filter.where();
    }

    /** Rows a total counts at most. */
    private long totalCap(Filter filter) {
        return filter.searches() ? config.search().totalCap() : config.lists().totalCap();
    }
}
