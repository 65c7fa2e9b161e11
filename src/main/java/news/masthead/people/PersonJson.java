package news.masthead.people;

import static news.masthead.kernel.sql.JsonSql.instant;
import static news.masthead.kernel.sql.JsonSql.object;
import static news.masthead.kernel.sql.JsonSql.value;

/** A person as JSON built by PostgreSQL, byte for byte as {@link PersonView} serialises. */
public final class PersonJson {

    /** SQL expression over a people row aliased {@code p}. */
    public static final String LIVE = object(
            "id",
            value("p.id"),
            "slug",
            value("p.slug"),
            "name",
            value("p.name"),
            "aliases",
            value("p.aliases"),
            "role",
            value("p.role"),
            "affiliation",
            value("p.affiliation"),
            "description",
            value("p.description"),
            "imageId",
            value("p.image_id"),
            "createdAt",
            instant("p.created_at"),
            "updatedAt",
            instant("p.updated_at"),
            "version",
            value("p.version"));

    /**
     * The same, as stored on the row (V15's people.rendered, set by a trigger on every insert and update, so it is as
     * current as the row): copying it costs a fraction of building it. {@link #LIVE} when there is none.
     */
    public static final String OBJECT = "coalesce(p.rendered, " + LIVE + ")";

    private PersonJson() {}
}
