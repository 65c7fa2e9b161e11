package news.masthead.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.masthead.articles.Block;
import news.masthead.images.Published;
import news.masthead.kernel.sql.IdList;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An article body as plain text (paragraphs and headings, quotes with their speaker, related links by title, image
 * captions; blocks separated by a blank line) and as HTML (the same, with each image block as a figure: a rendition
 * at the standard width, its alt text and caption). Used by the feeds and by ninjs.
 */
@ApplicationScoped
public class BodyText {

    private static final TypeReference<List<Block>> BLOCKS = new TypeReference<>() {};

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    /** The body both ways. */
    public record Body(String text, String html) {}

    private record Quote(String text, String speaker) {}

    /** @param json the body column (a JSON array of blocks) */
    public List<Block> blocks(String json) {
        try {
            return json == null ? List.of() : mapper.readValue(json, BLOCKS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String of(List<Block> blocks) {
        return render(blocks, Map.of(), "").text();
    }

    /**
     * @param pictures the images of the body's image blocks (a block whose image is missing shows no figure)
     * @param root     the service's root URL, ending in /, for the links
     */
    public Body render(List<Block> blocks, Map<UUID, Published.Picture> pictures, String root) {
        Map<UUID, Quote> quotes = quotes(blocks);
        List<String> text = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        for (Block b : blocks) {
            switch (b.type()) {
                case paragraph -> {
                    text.add(b.text());
                    html.append("<p>").append(escape(b.text())).append("</p>");
                }
                case heading -> {
                    text.add(b.text());
                    html.append("<h2>").append(escape(b.text())).append("</h2>");
                }
                case quote -> {
                    Quote q = quotes.get(b.quoteId());
                    if (q != null) {
                        text.add("“" + q.text() + "” — " + q.speaker());
                        html.append("<blockquote><p>")
                                .append(escape(q.text()))
                                .append("</p><footer>")
                                .append(escape(q.speaker()))
                                .append("</footer></blockquote>");
                    }
                }
                case related -> {
                    if (b.title() != null) {
                        text.add("Related: " + b.title());
                        String href = b.articleId() != null
                                ? root + "api/v1/articles/" + b.articleId()
                                : b.url() != null && b.url().matches("(?i)https?://.+") ? b.url() : null;
                        html.append("<p>Related: ")
                                .append(
                                        href == null
                                                ? escape(b.title())
                                                : "<a href=\"" + escape(href) + "\">" + escape(b.title()) + "</a>")
                                .append("</p>");
                    }
                }
                case image -> {
                    Published.Picture p = pictures.get(b.imageId());
                    String caption = b.caption() != null ? b.caption() : p == null ? null : p.caption();
                    if (b.caption() != null) {
                        text.add(b.caption()); // the picture itself travels as HTML, an enclosure or an association
                    }
                    if (p != null) {
                        figure(html, p, caption, root);
                    }
                }
            }
        }
        return new Body(
                String.join("\n\n", text.stream().filter(Objects::nonNull).toList()), html.toString());
    }

    private static void figure(StringBuilder html, Published.Picture p, String caption, String root) {
        Published.Rendition r = p.standard();
        html.append("<figure><img src=\"")
                .append(escape(root + r.path()))
                .append("\" alt=\"")
                .append(escape(p.alt() == null ? "" : p.alt()))
                .append("\" width=\"")
                .append(r.width())
                .append("\" height=\"")
                .append(r.height())
                .append("\">");
        if (caption != null) {
            html.append("<figcaption>").append(escape(caption)).append("</figcaption>");
        }
        html.append("</figure>");
    }

    /** Text for HTML element content and attribute values. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private Map<UUID, Quote> quotes(List<Block> blocks) {
        List<UUID> quoteIds =
                blocks.stream().map(Block::quoteId).filter(Objects::nonNull).toList();
        Map<UUID, Quote> quotes = new HashMap<>();
        if (!quoteIds.isEmpty()) {
            IdList in = IdList.of("ids", quoteIds);
            in.bind(em.createQuery(
                            "select q.id, q.text, p.name from Quote q, Person p where p.id = q.speakerId and q.id "
                                    + in.in(),
                            Object[].class))
                    .getResultList()
                    .forEach(r -> quotes.put((UUID) r[0], new Quote((String) r[1], (String) r[2])));
        }
        return quotes;
    }
}
