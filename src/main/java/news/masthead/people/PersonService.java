package news.masthead.people;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.kernel.paging.Filter;
import news.masthead.kernel.query.Params;
import news.masthead.kernel.paging.Listing;
import news.masthead.kernel.sql.Lookup;
import news.masthead.kernel.json.Patching;
import news.masthead.kernel.text.SlugAllocator;
import news.masthead.kernel.paging.SortSpec;
import news.masthead.kernel.paging.SortSpec.SortField;
import news.masthead.kernel.paging.SortSpec.ValueType;
import news.masthead.kernel.errors.Validation;
import news.masthead.kernel.cache.VersionedRead;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.paging.Page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

@ApplicationScoped
@Transactional
public class PersonService {

    static final Map<String, SortField> SORTS = Map.of("name", new SortField("e.name", false, ValueType.TEXT));
    /** Ranked search sorts the first matches in this order (an index walk), see {@link SortSpec#candidates()}. */
    static final String RANKED = "e.name, e.id";

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

    @VersionedRead // its total comes from ReadCache
    public Page<PersonView> list(PersonListParams params) {
        Filter filter = new Filter();
        SortSpec sort = SortSpec.parse(params.sort, SORTS, "name");
        if (params.q != null) {
            String q = Params.query(params.q);
            filter.and("e.search @@ websearch_to_tsquery('simple', :q)", "q=" + q, "q", q);
            if (params.sort == null || params.sort.isBlank()) {
                sort = SortSpec.relevance(RANKED);
            }
        }
        return listing.page(Person.class, "people", p -> p.id, filter, sort, params.page()).map(PersonService::view);
    }

    public PersonView get(String idOrSlug) {
        return view(find(idOrSlug));
    }

    public PersonView create(PersonInput input) {
        validation.valid(input);
        Person p = new Person();
        apply(p, input);
        p.insert();
        return view(p);
    }

    public PersonView replace(String idOrSlug, PersonInput input, IntConsumer precondition) {
        validation.valid(input);
        Person p = lookup.locked(find(idOrSlug));
        precondition.accept(p.version);
        apply(p, input);
        p.save();
        return view(p);
    }

    public PersonView patch(String idOrSlug, JsonNode patch, IntConsumer precondition) {
        Person p = lookup.locked(find(idOrSlug));
        precondition.accept(p.version);
        apply(p, patching.merge(input(p), patch, PersonInput.class));
        p.save();
        return view(p);
    }

    /** 409 while the person is quoted or linked to an article: the record would lose its speaker. */
    public void delete(String idOrSlug, IntConsumer precondition) {
        Person p = lookup.locked(find(idOrSlug));
        precondition.accept(p.version);
        long quotes = em.createQuery("select count(q) from Quote q where q.speakerId = :id", Long.class)
                .setParameter("id", p.id).getSingleResult();
        long articles = ((Number) em.createNativeQuery("select count(*) from article_people where person_id = :id")
                .setParameter("id", p.id).getSingleResult()).longValue();
        if (quotes > 0 || articles > 0) {
            throw new ApiException.Conflict(p.name + " is the speaker of " + quotes + " quote(s) and linked to " + articles
                    + " article(s); delete or re-assign those first.");
        }
        p.delete();
        em.flush();
    }

    /** The id of the person this id or slug names, or 404. */
    public UUID idOf(String idOrSlug) {
        return find(idOrSlug).id;
    }

    Person find(String idOrSlug) {
        return lookup.byIdOrSlug(Person.class, idOrSlug)
                .orElseThrow(() -> new ApiException.NotFound("No person '" + idOrSlug + "'."));
    }

    private void apply(Person p, PersonInput in) {
        p.slug = slugs.allocate("Person", in.slug(), in.name(), "person", p.id, p.slug);
        p.name = in.name();
        p.aliases = in.aliases() == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(in.aliases()));
        p.role = in.role();
        p.affiliation = in.affiliation();
        p.description = in.description();
        // A lower-level query, not the images feature (which lists the people shown in an image).
        if (in.imageId() != null && em.createNativeQuery("select 1 from images where id = :id").setParameter("id", in.imageId())
                .getResultList().isEmpty()) {
            throw ApiException.InvalidRequest.field("imageId", "no image with id " + in.imageId());
        }
        p.imageId = in.imageId();
    }

    static PersonInput input(Person p) {
        return new PersonInput(p.slug, p.name, List.copyOf(p.aliases), p.role, p.affiliation, p.description, p.imageId);
    }

    public static PersonView view(Person p) {
        return new PersonView(p.id, p.slug, p.name, List.copyOf(p.aliases), p.role, p.affiliation, p.description, p.imageId,
                p.createdAt, p.updatedAt, p.version);
    }
}
