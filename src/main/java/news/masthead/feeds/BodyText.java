package news.masthead.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.masthead.articles.Block;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An article body as plain text: paragraphs and headings, quotes with their speaker, related links
 * by title; blocks separated by a blank line. Used by the feeds and by ninjs.
 */
@ApplicationScoped
public class BodyText {

    private static final TypeReference<List<Block>> BLOCKS = new TypeReference<>() {};

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    /** @param json the body column (a JSON array of blocks) */
    public String of(String json) {
        try {
            return of(json == null ? List.of() : mapper.readValue(json, BLOCKS));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String of(List<Block> blocks) {
        List<UUID> quoteIds =
                blocks.stream().map(Block::quoteId).filter(Objects::nonNull).toList();
        Map<UUID, String> quotes = new HashMap<>();
        if (!quoteIds.isEmpty()) {
            em.createQuery(
                            "select q.id, q.text, p.name from Quote q, Person p where p.id = q.speakerId and q.id in :ids",
                            Object[].class)
                    .setParameter("ids", quoteIds)
                    .getResultList()
                    .forEach(r -> quotes.put((UUID) r[0], "“" + r[1] + "” — " + r[2]));
        }
        return blocks.stream()
                .map(b -> switch (b.type()) {
                    case paragraph, heading -> b.text();
                    case quote -> quotes.get(b.quoteId());
                    case related -> b.title() != null ? "Related: " + b.title() : null;
                    case image -> b.caption(); // the picture itself travels as an enclosure, not in the text
                })
                .filter(Objects::nonNull)
                .collect(Collectors.joining("\n\n"));
    }
}
