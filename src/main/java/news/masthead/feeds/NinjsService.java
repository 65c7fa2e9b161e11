package news.masthead.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.articles.ArticleStatus;
import news.masthead.articles.ArticleView;
import news.masthead.articles.Block;
import news.masthead.articles.Visibility;
import news.masthead.images.Published;
import news.masthead.kernel.http.ETag;
import news.masthead.kernel.sql.IdList;
import news.masthead.people.Person;
import news.masthead.places.Place;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Maps an article (already checked for visibility) to IPTC ninjs 2.x, with its people, places and tags. */
@ApplicationScoped
@Transactional
public class NinjsService {

    @Inject
    EntityManager em;

    @Inject
    BodyText bodyText;

    @Inject
    ObjectMapper mapper;

    @Inject
    Visibility visibility;

    @Inject
    Published published;

    /** The document as bytes, its strong ETag ({@link ETag#strong}) and when it last changed. */
    public record Document(byte[] body, String etag, Instant lastModified) {}

    public Document of(ArticleView a, URI base) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        Instant lastModified = a.updatedAt();
        List<Ninjs.Concept> people = new ArrayList<>();
        Map<UUID, Person> persons = byId(Person.class, a.personIds());
        for (UUID id : a.personIds()) {
            Person p = persons.get(id);
            if (p != null) {
                people.add(new Ninjs.Concept(p.name, "about", root + "api/v1/people/" + p.id, null));
                lastModified = later(lastModified, p.updatedAt);
            }
        }
        List<Ninjs.Concept> places = new ArrayList<>();
        Map<UUID, Place> locations = byId(Place.class, a.placeIds());
        for (UUID id : a.placeIds()) {
            Place p = locations.get(id);
            if (p != null) {
                Ninjs.Point point =
                        p.latitude == null ? null : new Ninjs.Point("Point", List.of(p.longitude, p.latitude));
                places.add(new Ninjs.Concept(p.name, "about", root + "api/v1/places/" + p.id, point));
                lastModified = later(lastModified, p.updatedAt);
            }
        }
        List<Ninjs.Concept> subjects = a.tags().stream()
                .map(t -> new Ninjs.Concept(t, "about", null, null))
                .toList();
        boolean embargoed = Visibility.embargoed(a.status(), a.publishedAt(), visibility.databaseNow());
        Ninjs n = new Ninjs(
                "urn:uuid:" + a.id(),
                "text",
                String.valueOf(a.version()),
                a.updatedAt(),
                a.createdAt(),
                embargoed ? a.publishedAt() : null,
                pubstatus(a.status(), embargoed),
                a.language(),
                List.of(new Ninjs.Text("main", "text/plain", a.headline())),
                a.standfirst() == null || a.standfirst().isBlank()
                        ? List.of()
                        : List.of(new Ninjs.Text("summary", "text/plain", a.standfirst())),
                List.of(new Ninjs.Text("main", "text/plain", bodyText.of(a.body()))),
                people,
                places,
                subjects,
                associations(a, root));
        try {
            byte[] body = mapper.writeValueAsBytes(n);
            return new Document(body, ETag.strong("ninjs", body), lastModified);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lead image ("leadimage": the article's caption, alt text, credit, renditions) and the body's image blocks
     * ("image1", "image2", … in body order: the block's caption, else the image's) as picture associations, their
     * records in one statement.
     */
    private List<Ninjs.Association> associations(ArticleView a, String root) {
        List<Block> figures = a.body().stream()
                .filter(b -> b.type() == Block.Type.image && b.imageId() != null)
                .toList();
        List<UUID> ids = new ArrayList<>();
        if (a.leadImage() != null) {
            ids.add(a.leadImage().imageId());
        }
        figures.forEach(b -> ids.add(b.imageId()));
        Map<UUID, Published.Picture> pictures =
                published.of(ids.stream().distinct().toList());
        List<Ninjs.Association> out = new ArrayList<>();
        if (a.leadImage() != null && pictures.containsKey(a.leadImage().imageId())) {
            out.add(picture(
                    "leadimage",
                    pictures.get(a.leadImage().imageId()),
                    a.leadImage().caption(),
                    root));
        }
        int n = 0;
        for (Block b : figures) {
            Published.Picture p = pictures.get(b.imageId());
            if (p != null) {
                out.add(picture("image" + ++n, p, b.caption() != null ? b.caption() : p.caption(), root));
            }
        }
        return out;
    }

    private static Ninjs.Association picture(String name, Published.Picture p, String caption, String root) {
        List<Ninjs.Text> descriptions = new ArrayList<>();
        if (caption != null) {
            descriptions.add(new Ninjs.Text("caption", "text/plain", caption));
        }
        if (p.alt() != null) {
            descriptions.add(new Ninjs.Text("alt", "text/plain", p.alt()));
        }
        return new Ninjs.Association(
                name,
                "picture",
                root + "api/v1/images/" + p.id(),
                String.valueOf(p.version()),
                descriptions,
                p.credit(),
                p.copyright(),
                p.renditions().stream()
                        .map(r ->
                                new Ninjs.Rendition(r.name(), root + r.path(), r.contentType(), r.width(), r.height()))
                        .toList());
    }

    /** usable once public; withheld while a draft or not yet due; canceled when archived. */
    static String pubstatus(ArticleStatus status, boolean embargoed) {
        return switch (status) {
            case published -> "usable";
            case scheduled -> embargoed ? "withheld" : "usable";
            case draft -> "withheld";
            case archived -> "canceled";
        };
    }

    private <E> Map<UUID, E> byId(Class<E> entity, List<UUID> ids) {
        Map<UUID, E> out = new HashMap<>();
        if (!ids.isEmpty()) {
            IdList in = IdList.of("ids", ids);
            in.bind(em.createQuery(
                            "select e.id, e from " + entity.getSimpleName() + " e where e.id " + in.in(),
                            Object[].class))
                    .getResultList()
                    .forEach(r -> out.put((UUID) r[0], entity.cast(r[1])));
        }
        return out;
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
