package news.masthead.images;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;

/**
 * Caption, credit, copyright and date as the photographer's camera and software wrote them (IPTC, XMP, EXIF), read
 * with metadata-extractor: what a picture desk expects to see filled in on upload; and the EXIF Orientation, which
 * renditions apply (see {@link Orientation}). Only these are read; the rest
 * (GPS, serial numbers) stays in the original and never reaches a rendition.
 */
record EmbeddedMetadata(String caption, String credit, String copyright, Instant takenAt, int orientation) {

    private static final Logger LOG = Logger.getLogger(EmbeddedMetadata.class);
    static final EmbeddedMetadata NONE = new EmbeddedMetadata(null, null, null, null, 1);

    static EmbeddedMetadata read(byte[] data) {
        Metadata m;
        try {
            m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(data), data.length);
        } catch (Exception e) { // a picture whose metadata is broken is still a picture
            LOG.debugf("Unreadable embedded metadata: %s", e.getMessage());
            return NONE;
        }
        Map<String, String> xmp = m.getDirectoriesOfType(XmpDirectory.class).stream()
                .findFirst()
                .map(XmpDirectory::getXmpProperties)
                .orElse(Map.of());
        IptcDirectory iptc = m.getFirstDirectoryOfType(IptcDirectory.class);
        ExifIFD0Directory exif = m.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory sub = m.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        String caption = first(
                tag(iptc, IptcDirectory.TAG_CAPTION),
                xmp.get("dc:description[1]"),
                tag(exif, ExifIFD0Directory.TAG_IMAGE_DESCRIPTION));
        String credit = first(
                tag(iptc, IptcDirectory.TAG_CREDIT),
                xmp.get("photoshop:Credit"),
                tag(iptc, IptcDirectory.TAG_BY_LINE),
                xmp.get("dc:creator[1]"),
                tag(exif, ExifIFD0Directory.TAG_ARTIST));
        String copyright = first(
                tag(iptc, IptcDirectory.TAG_COPYRIGHT_NOTICE),
                xmp.get("dc:rights[1]"),
                tag(exif, ExifIFD0Directory.TAG_COPYRIGHT));
        Date taken = sub == null ? null : sub.getDateOriginal(TimeZone.getTimeZone("UTC"));
        Integer orientation = exif == null ? null : exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
        return new EmbeddedMetadata(
                caption, credit, copyright, taken == null ? null : taken.toInstant(), Orientation.of(orientation));
    }

    private static String tag(Directory d, int tag) {
        return d == null ? null : d.getString(tag);
    }

    private static String first(String... values) {
        return Stream.of(values)
                .filter(v -> v != null && !v.isBlank())
                .map(String::strip)
                .findFirst()
                .orElse(null);
    }
}
