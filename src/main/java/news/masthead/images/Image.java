package news.masthead.images;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import news.masthead.kernel.sql.VersionedEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An image's record; its bytes live apart, in image_originals (see {@link Originals}). */
@Entity
@Table(name = "images")
public class Image extends VersionedEntity {

    public String filename;
    public String contentType;
    public long bytes;
    /** The picture as shown (upright): the stored pixels' size turned by {@link #orientation}. */
    public int width;

    public int height;
    /** The original's EXIF Orientation (1-8, see {@link Orientation}). */
    public int orientation = 1;

    public String sha256;
    /** Byte length of the standard rendition (a feed enclosure's length), measured when the image is stored. */
    @Column(name = "standard_bytes")
    public long standardBytes;

    public String alt;
    public String caption;
    public String credit;
    public String copyright;
    public String source;
    public Instant takenAt;

    @Column(name = "focal_x")
    public double focalX = 0.5;

    @Column(name = "focal_y")
    public double focalY = 0.5;

    public UUID placeId;

    @ElementCollection
    @CollectionTable(name = "image_people", joinColumns = @JoinColumn(name = "image_id"))
    @OrderColumn(name = "position")
    @Column(name = "person_id")
    public List<UUID> personIds = new ArrayList<>();
}
