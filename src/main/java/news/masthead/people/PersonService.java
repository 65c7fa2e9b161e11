package news.masthead.people;

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
import java.util.Map;
import java.util.Set;

@ApplicationScoped
@Transactional
public class PersonService extends RecordService<Person, PersonInput, PersonView> {

    static final Map<String, SortField> SORTS = Map.of("name", new SortField("e.name", false, ValueType.TEXT));
    /** Ranked search sorts the first matches in this order (an index walk), see {@link SortSpec#candidates()}. */
    static final String RANKED = "e.name, e.id";
    /** Which people a list shows, and in what order, changes only with their names, aliases and slugs (V28). */
    private static final Set<String> MOVES = Set.of(ReadCache.listed("people"));

    @Inject
    EntityManager em;

    @Inject
    Lookup lookup;

    @Inject
    Listing listing;

    @Inject
    ReadCache cache;

    @Inject
    SlugAllocator slugs;

    public PersonService() {
        super(Person::new, PersonInput.class);
    }

    @Transactional(Transactional.TxType.SUPPORTS) // served from ReadCache, computed by statements in autocommit
    public JsonPage list(PersonListParams params) {
        return listing.cached("people", "people", params, () -> page(params));
    }

    /** A page rendered by PostgreSQL from the stored JSON of each person (V15). */
    private JsonPage page(PersonListParams params) {
        Filter filter = new Filter().changesWith(MOVES);
        SortSpec sort = SortSpec.parse(params.sort, SORTS, "name");
        if (params.q != null) {
            String q = Params.query(params.q);
            filter.search(q);
            if (params.sort == null || params.sort.isBlank()) {
                sort = SortSpec.relevance(RANKED);
            }
        }
        return listing.jsonPage("people", "p", List.of(PersonJson.OBJECT), filter, sort, params.page(), null);
    }

    /** 409 while the person is quoted or linked to an article: the record would lose its speaker. */
    @Override
    protected void beforeDelete(Person p) {
        long quotes = lookup.references("quotes", "speaker_id", p.id);
        long articles = lookup.references("article_people", "person_id", p.id);
        if (quotes > 0 || articles > 0) {
            throw new ApiException.Conflict(p.name + " is the speaker of " + quotes + " quote(s) and linked to "
                    + articles + " article(s); delete or re-assign those first.");
        }
    }

    /** Served from ReadCache while current; it opens a transaction only to compute. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public PersonView get(String idOrSlug) {
        return cache.record("person", idOrSlug, () -> super.get(idOrSlug));
    }

    @Override
    protected Person find(String idOrSlug) {
        return lookup.byIdOrSlug(Person.class, idOrSlug, "person");
    }

    @Override
    protected void apply(Person p, PersonInput in) {
        p.slug = slugs.allocate("Person", in.slug(), in.name(), "person", p.id, p.slug);
        p.name = in.name();
        p.aliases = in.aliases() == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(in.aliases()));
        p.role = in.role();
        p.affiliation = in.affiliation();
        p.description = in.description();
        // A lower-level query, not the images feature (which lists the people shown in an image).
        if (in.imageId() != null
                && em.createNativeQuery("select 1 from images where id = :id")
                        .setParameter("id", in.imageId())
                        .getResultList()
                        .isEmpty()) {
            throw ApiException.InvalidRequest.field("imageId", "no image with id " + in.imageId());
        }
        p.imageId = in.imageId();
    }

    @Override
    protected PersonInput input(Person p) {
        return new PersonInput(p.slug, p.name, List.copyOf(p.aliases), p.role, p.affiliation, p.description, p.imageId);
    }

    @Override
    protected PersonView show(Person p) {
        return view(p);
    }

    public static PersonView view(Person p) {
        return new PersonView(
                p.id,
                p.slug,
                p.name,
                List.copyOf(p.aliases),
                p.role,
                p.affiliation,
                p.description,
                p.imageId,
                p.createdAt,
                p.updatedAt,
                p.version);
    }
}
