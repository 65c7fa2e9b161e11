package news.masthead.images;

import static news.masthead.kernel.sql.JsonSql.array;
import static news.masthead.kernel.sql.JsonSql.decimal;
import static news.masthead.kernel.sql.JsonSql.instant;
import static news.masthead.kernel.sql.JsonSql.object;
import static news.masthead.kernel.sql.JsonSql.value;

/** An image record as JSON built by PostgreSQL, byte for byte as {@link ImageView} serialises (for includes). */
public final class ImageJson {

    /** SQL expression over an images row aliased {@code i}. */
    public static final String OBJECT = object(
            "id",
            value("i.id"),
            "filename",
            value("i.filename"),
            "contentType",
            value("i.content_type"),
            "bytes",
            value("i.bytes"),
            "width",
            value("i.width"),
            "height",
            value("i.height"),
            "sha256",
            value("i.sha256"),
            "alt",
            value("i.alt"),
            "caption",
            value("i.caption"),
            "credit",
            value("i.credit"),
            "copyright",
            value("i.copyright"),
            "source",
            value("i.source"),
            "takenAt",
            instant("i.taken_at"),
            "focalPoint",
            object("x", decimal("i.focal_x"), "y", decimal("i.focal_y")),
            "personIds",
            array(value("ip.person_id"), "from image_people ip where ip.image_id = i.id", "ip.position"),
            "placeId",
            value("i.place_id"),
            "url",
            value("'/api/v1/images/' || i.id || '/file?v=' || i.version"),
            "createdAt",
            instant("i.created_at"),
            "updatedAt",
            instant("i.updated_at"),
            "version",
            value("i.version"));

    /** The path of an image's file at a version (renditions add w, h, fit, format). */
    public static String url(java.util.UUID id, int version) {
        return ImageView.url(id, version);
    }

    private ImageJson() {}
}
