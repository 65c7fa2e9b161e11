package news.masthead.images;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.kernel.auth.Caller;
import news.masthead.kernel.cache.ReadCache;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.errors.Validation;
import news.masthead.kernel.http.IfMatch;
import news.masthead.kernel.paging.Filter;
import news.masthead.kernel.paging.JsonPage;
import news.masthead.kernel.paging.Listing;
import news.masthead.kernel.paging.SortSpec;
import news.masthead.kernel.paging.SortSpec.SortField;
import news.masthead.kernel.paging.SortSpec.ValueType;
import news.masthead.kernel.query.Params;
import news.masthead.kernel.sql.Form;
import news.masthead.kernel.sql.Lookup;
import news.masthead.kernel.sql.Writes;
import news.masthead.kernel.time.AppClock;
import news.masthead.people.Person;
import news.masthead.places.Place;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Image records. Who may see one is decided here, in SQL: editors see every image; anyone else only those a
 * visible article or a person uses ({@code masthead_image_public}, V13), so an image uploaded for a story that is
 * not out yet stays unseen, and disappears again when the story is unpublished.
 */
@ApplicationScoped
@Transactional
public class ImageService {

    static final Map<String, SortField> SORTS =
            Map.of("createdAt", new SortField("e.created_at", false, ValueType.INSTANT));
    static final String RANKED = "e.created_at desc, e.id desc";
    /** SQL condition over images aliased {@code alias}: an anonymous caller may see it. */
    static final String PUBLIC = "masthead_image_public(%s.id)";

    @Inject
    EntityManager em;

    @Inject
    Lookup lookup;

    @Inject
    ReadCache cache;

    @Inject
    Listing listing;

    @Inject
    Published published;

    @Inject
    Validation validation;

    @Inject
    Writes writes;

    @Inject
    Caller caller;

    @Inject
    Originals originals;

    @Inject
    Uploads uploads;

    /** What a rendition needs to know, without the bytes. */
    record FileInfo(
            UUID id,
            int version,
            ImageFormat format,
            int width,
            int height,
            int orientation,
            double focalX,
            double focalY,
            String sha256,
            boolean isPublic) {

        Renditions.Original original() {
            return new Renditions.Original(format, width, height, orientation);
        }
    }

    /** A page rendered by PostgreSQL, kept in ReadCache while current (see {@link #moves}), per kind of caller. */
    @Transactional(Transactional.TxType.SUPPORTS) // served from ReadCache, computed by statements in autocommit
    public JsonPage list(ImageListParams params) {
        return listing.cached(
                "images", caller.isEditor() ? "images|editor" : "images|public", params, () -> page(params));
    }

    /**
     * What can change which images a list shows: any change of an image; the articles' moves, which what anonymous
     * callers may list follows too (see {@link #get}); and the slugs its person and place filters name.
     */
    private static Set<String> moves(ImageListParams params) {
        Set<String> moves = new LinkedHashSet<>(List.of("images", ReadCache.ARTICLES_LISTED));
        if (Params.present(params.person)) {
            moves.add(ReadCache.listed("people"));
        }
        if (Params.present(params.place)) {
            moves.add(ReadCache.listed("places"));
        }
        return moves;
    }

    private JsonPage page(ImageListParams params) {
        Filter filter = new Filter().changesWith(moves(params));
        if (!caller.isEditor()) {
            filter.and(PUBLIC.formatted("e"), "visible");
        }
        SortSpec sort = SortSpec.parse(params.sort, SORTS, "-createdAt");
        if (params.q != null) {
            String q = Params.query(params.q);
            filter.search(q);
            if (params.sort == null || params.sort.isBlank()) {
                sort = SortSpec.relevance(RANKED);
            }
        }
        if (Params.present(params.person)) {
            lookup.resolveId(Person.class, Params.idOrSlug("person", params.person))
                    .ifPresentOrElse(
                            id -> filter.and(
                                    "exists (select 1 from image_people ip where ip.image_id = e.id and ip.person_id = :person)",
                                    "person=" + id,
                                    "person",
                                    id),
                            filter::matchNothing);
        }
        if (Params.present(params.place)) {
            lookup.resolveId(Place.class, Params.idOrSlug("place", params.place))
                    .ifPresentOrElse(
                            id -> filter.and("e.place_id = :place", "place=" + id, "place", id), filter::matchNothing);
        }
        return listing.jsonPage("images", "i", List.of(ImageJson.OBJECT), filter, sort, params.page(), null);
    }

    /**
     * Served from ReadCache while current (a repeated read or its 304 runs no statement), per kind of caller. A person
     * taking or dropping it as portrait, or an article using it being published or hidden, writes a change of the image
     * itself (V13); an article coming due writes none, hence the articles' moves (as for its file), not their text.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ImageView get(String id) {
        return cache.record(
                "image",
                (caller.isEditor() ? "editor|" : "public|") + id,
                () -> view(find(id)),
                v -> v,
                v -> Set.of(ReadCache.ARTICLES_LISTED));
    }

    /** The record for a rendition, 404 when the caller may not see it; {@code isPublic}: whether anonymous callers may. */
    public FileInfo file(String id) {
        Image i = find(id);
        boolean isPublic = caller.isEditor() ? isPublic(i.id) : true;
        return new FileInfo(
                i.id,
                i.version,
                ImageFormat.ofMediaType(i.contentType).orElseThrow(),
                i.width,
                i.height,
                i.orientation,
                i.focalX,
                i.focalY,
                i.sha256,
                isPublic);
    }

    /** The untouched bytes (editors only: the resource's role says so). */
    public byte[] original(UUID id) {
        return Optional.ofNullable(originals.load(id))
                .orElseThrow(() -> new ApiException.NotFound("No image '" + id + "'."));
    }

    public ImageView create(Upload upload, ImageInput metadata) {
        ImageInput in = validation.valid(metadata == null ? ImageInput.EMPTY : metadata);
        EmbeddedMetadata e = upload.embedded();
        // What the file says fills only what the uploader left empty.
        in = new ImageInput(
                in.alt(),
                or(in.caption(), e.caption()),
                or(in.credit(), e.credit()),
                or(in.copyright(), e.copyright()),
                in.source(),
                in.takenAt() != null ? in.takenAt() : e.takenAt(),
                in.focalPoint(),
                in.personIds(),
                in.placeId());
        Image i = new Image();
        i.filename = upload.filename();
        i.contentType = upload.format().mediaType;
        i.bytes = upload.data().length;
        i.width = upload.size().width();
        i.height = upload.size().height();
        i.orientation = upload.embedded().orientation();
        i.sha256 = upload.sha256();
        apply(i, validation.valid(in));
        i.standardBytes = published.measureStandard(i, upload.data());
        i.insert();
        originals.store(i.id, upload.data());
        return view(i);
    }

    /** Stores a file the server made itself (demo content), checked exactly as an upload is. */
    public ImageView create(byte[] data, String contentType, String filename, ImageInput metadata) {
        return create(uploads.inspect(new ByteArrayInputStream(data), contentType, filename), metadata);
    }

    public ImageView replace(String id, ImageInput input, IfMatch ifMatch) {
        return view(writes.replace(find(id), ifMatch, input, this::apply));
    }

    public ImageView patch(String id, JsonNode patch, IfMatch ifMatch) {
        return view(
                writes.patch(find(id), ifMatch, patch, new Form<>(ImageInput.class, ImageService::input, this::apply)));
    }

    public void delete(String id, IfMatch ifMatch) {
        writes.delete(find(id), ifMatch, this::requireUnused);
    }

    /** 409 naming an article or person that uses the image: a page would lose its picture. */
    private void requireUnused(Image i) {
        List<?> users = em.createNativeQuery("""
                        (select 'article "' || a.headline || '" (' || a.id || ')' from article_images ai
                         join articles a on a.id = ai.article_id where ai.image_id = :id order by a.created_at limit 1)
                        union all
                        (select 'person "' || p.name || '" (' || p.id || ')' from people p
                         where p.image_id = :id order by p.name limit 1)""").setParameter("id", i.id).getResultList();
        if (!users.isEmpty()) {
            throw new ApiException.Conflict("The image is used by "
                    + String.join(" and ", users.stream().map(Object::toString).toList())
                    + "; remove it from them first.");
        }
    }

    private Image find(String id) {
        Optional<Image> i = Lookup.asId(id).map(uuid -> em.find(Image.class, uuid));
        return i.filter(img -> caller.isEditor() || isPublic(img.id))
                .orElseThrow(() -> new ApiException.NotFound("No image '" + id + "'."));
    }

    private boolean isPublic(UUID id) {
        return (Boolean) em.createNativeQuery("select " + PUBLIC.formatted("i") + " from images i where i.id = :id")
                .setParameter("id", id)
                .getSingleResult();
    }

    private void apply(Image i, ImageInput in) {
        lookup.requireAll(Person.class, "personIds", in.personIds() == null ? List.of() : in.personIds(), "person");
        lookup.requireOne(Place.class, "placeId", in.placeId(), "place");
        i.alt = in.alt();
        i.caption = in.caption();
        i.credit = in.credit();
        i.copyright = in.copyright();
        i.source = in.source();
        i.takenAt = AppClock.stored(in.takenAt());
        FocalPoint f = in.focalPoint() == null ? FocalPoint.CENTRE : in.focalPoint();
        i.focalX = f.x();
        i.focalY = f.y();
        List<UUID> people = in.personIds() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(in.personIds()));
        if (!i.personIds.equals(people)) {
            i.personIds.clear();
            i.personIds.addAll(people);
        }
        i.placeId = in.placeId();
    }

    private static String or(String given, String embedded) {
        return given != null && !given.isBlank() ? given : embedded;
    }

    static ImageInput input(Image i) {
        return new ImageInput(
                i.alt,
                i.caption,
                i.credit,
                i.copyright,
                i.source,
                i.takenAt,
                new FocalPoint(i.focalX, i.focalY),
                List.copyOf(i.personIds),
                i.placeId);
    }

    static ImageView view(Image i) {
        return new ImageView(
                i.id,
                i.filename,
                i.contentType,
                i.bytes,
                i.width,
                i.height,
                i.sha256,
                i.alt,
                i.caption,
                i.credit,
                i.copyright,
                i.source,
                i.takenAt,
                new FocalPoint(i.focalX, i.focalY),
                List.copyOf(i.personIds),
                i.placeId,
                ImageView.url(i.id, i.version),
                i.createdAt,
                i.updatedAt,
                i.version);
    }
}
