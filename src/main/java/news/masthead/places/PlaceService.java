package news.masthead.places;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.common.Clock;
import news.masthead.common.Listing;
import news.masthead.common.Lookup;
import news.masthead.common.Patching;
import news.masthead.common.SlugAllocator;
import news.masthead.common.SortSpec;
import news.masthead.common.SortSpec.SortField;
import news.masthead.common.SortSpec.ValueType;
import news.masthead.common.Validation;
import news.masthead.web.ApiException;
import news.masthead.web.Page;
import news.masthead.web.PageRequest;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

@ApplicationScoped
@Transactional
public class PlaceService {

    static final Map<String, SortField> SORTS = Map.of("name", new SortField("name", false, ValueType.TEXT));

    @Inject
    EntityManager em;
    @Inject
    Lookup lookup;
    @Inject
    Listing listing;
    @Inject
    SlugAllocator slugs;
    @Inject
    Validation validation;
    @Inject
    Patching patching;

    public Page<PlaceView> list(String sort, PageRequest page) {
        return listing.page(Place.class, "true", Map.of(), SortSpec.parse(sort, SORTS, "name"), page, "").map(PlaceService::view);
    }

    public PlaceView get(String idOrSlug) {
        return view(find(idOrSlug));
    }

    public PlaceView create(PlaceInput input) {
        validation.valid(input);
        Place p = new Place();
        p.id = UUID.randomUUID();
        p.createdAt = Clock.now();
        p.updatedAt = p.createdAt;
        p.version = 1;
        apply(p, input);
        p.persist();
        em.flush();
        return view(p);
    }

    public PlaceView replace(String idOrSlug, PlaceInput input, IntConsumer precondition) {
        validation.valid(input);
        Place p = lookup.locked(find(idOrSlug));
        precondition.accept(p.version);
        apply(p, input);
        return saved(p);
    }

    public PlaceView patch(String idOrSlug, JsonNode patch, IntConsumer precondition) {
        Place p = lookup.locked(find(idOrSlug));
        precondition.accept(p.version);
        apply(p, patching.merge(input(p), patch, PlaceInput.class));
        return saved(p);
    }

    /** 409 while other places lie inside it or articles are linked to it. */
    public void delete(String idOrSlug, IntConsumer precondition) {
        Place p = lookup.locked(find(idOrSlug));
        precondition.accept(p.version);
        long children = em.createQuery("select count(c) from Place c where c.parentId = :id", Long.class)
                .setParameter("id", p.id).getSingleResult();
        long articles = ((Number) em.createNativeQuery("select count(*) from article_places where place_id = :id")
                .setParameter("id", p.id).getSingleResult()).longValue();
        if (children > 0 || articles > 0) {
            throw new ApiException.Conflict(p.name + " contains " + children + " place(s) and is linked to " + articles
                    + " article(s); move or delete those first.");
        }
        p.delete();
        em.flush();
    }

    public Place find(String idOrSlug) {
        return lookup.byIdOrSlug(Place.class, idOrSlug)
                .orElseThrow(() -> new ApiException.NotFound("No place '" + idOrSlug + "'."));
    }

    private PlaceView saved(Place p) {
        if (em.unwrap(Session.class).isDirty()) {
            p.updatedAt = Clock.now();
        }
        em.flush();
        return view(p);
    }

    private void apply(Place p, PlaceInput in) {
        lookup.requireOne(Place.class, "parentId", in.parentId(), "place");
        if (in.parentId() != null && p.id != null && createsCycle(p.id, in.parentId())) {
            throw ApiException.InvalidRequest.field("parentId", "would make the place its own ancestor");
        }
        p.slug = slugs.allocate("Place", in.slug(), in.name(), "place", p.id);
        p.name = in.name();
        p.aliases = in.aliases() == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(in.aliases()));
        p.kind = in.kind() == null ? PlaceKind.other : in.kind();
        p.parentId = in.parentId();
        p.latitude = in.latitude();
        p.longitude = in.longitude();
        p.population = in.population();
        p.countryCode = in.countryCode() == null ? null : in.countryCode().toUpperCase(Locale.ROOT);
    }

    /** True when {@code parentId} is {@code id} itself or lies below it. */
    private boolean createsCycle(UUID id, UUID parentId) {
        Object hit = em.createNativeQuery("""
                        with recursive up(id, parent_id) as (
                            select id, parent_id from places where id = :parent
                            union
                            select p.id, p.parent_id from places p join up on p.id = up.parent_id)
                        select count(*) from up where id = :self""")
                .setParameter("parent", parentId).setParameter("self", id).getSingleResult();
        return ((Number) hit).longValue() > 0;
    }

    static PlaceInput input(Place p) {
        return new PlaceInput(p.slug, p.name, List.copyOf(p.aliases), p.kind, p.parentId, p.latitude, p.longitude,
                p.population, p.countryCode);
    }

    public static PlaceView view(Place p) {
        return new PlaceView(p.id, p.slug, p.name, List.copyOf(p.aliases), p.kind, p.parentId, p.latitude, p.longitude,
                p.population, p.countryCode, p.createdAt, p.updatedAt, p.version);
    }
}
