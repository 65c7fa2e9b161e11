package news.masthead.feeds;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;

/** Writes an Atom 1.0 (RFC 4287) document. */
final class AtomFeed {

    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String NS = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private AtomFeed() {}

    static byte[] write(FeedLinks feed, List<FeedItem> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(NS);
            text(w, "id", feed.id());
            text(w, "title", feed.title());
            text(w, "updated", date(feed.updated()));
            link(w, "self", MEDIA_TYPE, feed.self());
            link(w, "alternate", "application/json", feed.home());
            w.writeStartElement("generator");
            w.writeCharacters("Masthead");
            w.writeEndElement();
            for (FeedItem item : items) {
                w.writeStartElement("entry");
                text(w, "id", "urn:uuid:" + item.id());
                text(w, "title", item.headline());
                text(w, "updated", date(item.updated()));
                if (item.published() != null) {
                    text(w, "published", date(item.published()));
                }
                w.writeStartElement("author");
                text(w, "name", item.author() != null ? item.author() : "Masthead");
                w.writeEndElement();
                link(w, "alternate", "application/json", feed.articleUrl(item));
                if (item.image() != null) {
                    link(
                            w,
                            "enclosure",
                            item.image().standard().contentType(),
                            feed.url(item.image().standard().path()));
                    w.writeAttribute("length", String.valueOf(item.imageLength()));
                }
                if (item.standfirst() != null && !item.standfirst().isBlank()) {
                    w.writeStartElement("summary");
                    w.writeAttribute("type", "text");
                    w.writeCharacters(item.standfirst());
                    w.writeEndElement();
                }
                w.writeStartElement("content");
                w.writeAttribute("type", "html"); // escaped HTML: figures for image blocks
                w.writeCharacters(item.html());
                w.writeEndElement();
                for (String tag : item.tags()) {
                    w.writeEmptyElement("category");
                    w.writeAttribute("term", tag);
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the Atom feed", e);
        }
        return out.toByteArray();
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String type, String href) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", href);
    }

    private static String date(Instant instant) {
        return instant.toString();
    }
}
