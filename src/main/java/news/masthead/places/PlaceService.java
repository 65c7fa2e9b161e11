package news.masthead.places;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.kernel.cache.ReadCache;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.paging.Filter;
import news.masthead.kernel.paging.JsonPage;
import news.masthead.kernel.paging.Listing;
import news.masthead.kernel.paging.SortSpec;
import news.masthead.kernel.paging.SortSpec.SortField;
import news.masthead.kernel.paging.SortSpec.ValueType;
import news.masthead.kernel.query.Params;
import news.masthead.kernel.sql.Lookup;
import news.masthead.kernel.sql.RecordService;
import news.masthead.kernel.text.SlugAllocator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class PlaceService extends RecordService<Place, PlaceInput, PlaceView> {

    static final Map<String, SortField> SORTS = Map.of("name", new SortField("e.name", false, ValueType.TEXT));
    /** Ranked search sorts the first matches in this order (an index walk), see {@link SortSpec#candidates()}. */
    static final String RANKED = "e.name, e.id";
    /** Great-circle distance in km from (:lat, :lon), haversine on the mean Earth radius. */
    static final SortField DISTANCE = new SortField(
            "6371.0088 * 2 * asin(least(1, sqrt(power(sin(radians(e.latitude - :lat) / 2), 2)"
                    + " + cos(radians(:lat)) * cos(radians(e.latitude)) * power(sin(radians(e.longitude - :lon) / 2), 2))))",
            false,
            ValueType.DOUBLE);

    private static final double KM_PER_DEGREE = 111.195;
    /**
     * Which places a list shows, and in what order, changes only with their names, aliases, slugs, kinds, parents and
     * coordinates (V28).
     */
    private static final Set<String> MOVES = Set.of(ReadCache.listed("places"));

    @Inject
    EntityManager em;

    @Inject
    Lookup lookup;

    @Inject
    Listing listing;

    @Inject
    SlugAllocator slugs;

    @Inject
    ReadCache cache;

    public PlaceService() {
        super(Place::new, PlaceInput.class);
    }

    @Transactional(Transactional.TxType.SUPPORTS) // served from ReadCache, computed by statements in autocommit
    public JsonPage list(PlaceListParams params) {
        return listing.cached("places", "places", params, () -> page(params));
    }

    private JsonPage page(PlaceListParams params) {
        Filter filter = new Filter().changesWith(MOVES);
        boolean defaultSort = params.sort == null || params.sort.isBlank();
        SortSpec sort = SortSpec.parse(params.sort, SORTS, "name");
        if (Params.present(params.within)) {
            lookup.resolveId(Place.class, Params.idOrSlug("within", params.within))
                    .ifPresentOrElse(
                            id -> filter.and(
                                    "e.id in (select s.id from place_subtree(:place) s(id)) and e.id <> :place",
                                    "within=" + id,
                                    "place",
                                    id),
                            filter::matchNothing);
        }
        if (Params.present(params.kind)) {
            filter.and(
                    "e.kind = :kind",
                    "kind=" + params.kind,
                    "kind",
                    Params.oneOf("kind", params.kind, PlaceKind.class).name());
        }
        if (params.q != null) {
            String q = Params.query(params.q);
            filter.search(q);
            if (defaultSort) {
                sort = SortSpec.relevance(RANKED);
            }
        }
        if (Params.present(params.near)) {
            near(filter, params.near, params.radiusKm);
            if (defaultSort) {
                sort = new SortSpec("distance", DISTANCE, false);
            }
        } else if (params.radiusKm != null) {
            throw ApiException.InvalidRequest.field("radiusKm", "is only used with near");
        }
        return listing.jsonPage("places", "pl", List.of(PlaceJson.OBJECT), filter, sort, params.page(), null);
    }

    /** Within radiusKm of lat,lon: an indexed bounding box first, then the exact great-circle distance. */
    private static void near(Filter filter, String near, String radius) {
        String[] parts = near.split(",");
        if (parts.length != 2) {
            throw ApiException.InvalidRequest.field("near", "must be lat,lon such as 49.21,37.26");
        }
        double lat = Params.number("near", parts[0], -90, 90);
        double lon = Params.number("near", parts[1], -180, 180);
        double km = radius == null ? 25 : Params.number("radiusKm", radius, 0, 20_000);
        double dLat = km / KM_PER_DEGREE;
        double cos = Math.cos(Math.toRadians(lat));
        double dLon = cos < 1e-6 ? 360 : km / (KM_PER_DEGREE * cos);
        String box = "e.latitude between :minLat and :maxLat";
        if (lon - dLon >= -180 && lon + dLon <= 180) {
            box += " and e.longitude between :minLon and :maxLon";
        }
        filter.and(
                box + " and " + DISTANCE.sql() + " <= :km",
                "near=" + lat + "," + lon + "," + km,
                "lat",
                lat,
                "lon",
                lon,
                "km",
                km,
                "minLat",
                lat - dLat,
                "maxLat",
                lat + dLat,
                "minLon",
                lon - dLon,
                "maxLon",
                lon + dLon);
    }

    /** 409 while other places lie inside it or articles are linked to it. */
    @Override
    protected void beforeDelete(Place p) {
        long children = lookup.references("places", "parent_id", p.id);
        long articles = lookup.references("article_places", "place_id", p.id);
        if (children > 0 || articles > 0) {
            throw new ApiException.Conflict(p.name + " contains " + children + " place(s) and is linked to " + articles
                    + " article(s); move or delete those first.");
        }
    }

    /** Served from ReadCache while current; it opens a transaction only to compute. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public PlaceView get(String idOrSlug) {
        return cache.record("place", idOrSlug, () -> super.get(idOrSlug));
    }

    @Override
    protected Place find(String idOrSlug) {
        return lookup.byIdOrSlug(Place.class, idOrSlug, "place");
    }

    @Override
    protected void apply(Place p, PlaceInput in) {
        lookup.requireOne(Place.class, "parentId", in.parentId(), "place");
        if (in.parentId() != null && p.id != null && createsCycle(p.id, in.parentId())) {
            throw ApiException.InvalidRequest.field("parentId", "would make the place its own ancestor");
        }
        p.slug = slugs.allocate("Place", in.slug(), in.name(), "place", p.id, p.slug);
        p.name = in.name();
        p.aliases = in.aliases() == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(in.aliases()));
        p.kind = in.kind() == null ? PlaceKind.other : in.kind();
        p.parentId = in.parentId();
        p.latitude = in.latitude();
        p.longitude = in.longitude();
        p.population = in.population();
        p.countryCode = in.countryCode() == null ? null : in.countryCode().toUpperCase(Locale.ROOT);
    }

    /** True when {@code parentId} is {@code id} itself or lies below it (V12's place_containers walks up from it). */
    private boolean createsCycle(UUID id, UUID parentId) {
        return !em.createNativeQuery("select 1 from place_containers(:parent) c(id) where c.id = :self")
                .setParameter("parent", parentId)
                .setParameter("self", id)
                .getResultList()
                .isEmpty();
    }

    @Override
    protected PlaceInput input(Place p) {
        return new PlaceInput(
                p.slug,
                p.name,
                List.copyOf(p.aliases),
                p.kind,
                p.parentId,
                p.latitude,
                p.longitude,
                p.population,
                p.countryCode);
    }

    @Override
    protected PlaceView show(Place p) {
        return view(p);
    }

    public static PlaceView view(Place p) {
        return new PlaceView(
                p.id,
                p.slug,
                p.name,
                List.copyOf(p.aliases),
                p.kind,
                p.parentId,
                p.latitude,
                p.longitude,
                p.population,
                p.countryCode,
                p.createdAt,
                p.updatedAt,
                p.version);
    }
}
