package news.masthead.places;

import static news.masthead.kernel.sql.JsonSql.decimal;
import static news.masthead.kernel.sql.JsonSql.instant;
import static news.masthead.kernel.sql.JsonSql.object;
import static news.masthead.kernel.sql.JsonSql.value;

/** A place as JSON built by PostgreSQL, byte for byte as {@link PlaceView} serialises. */
public final class PlaceJson {

    /** SQL expression over a places row aliased {@code pl}. */
    public static final String LIVE = object(
            "id",
            value("pl.id"),
            "slug",
            value("pl.slug"),
            "name",
            value("pl.name"),
            "aliases",
            value("pl.aliases"),
            "kind",
            value("pl.kind"),
            "parentId",
            value("pl.parent_id"),
            "latitude",
            decimal("pl.latitude"),
            "longitude",
            decimal("pl.longitude"),
            "population",
            value("pl.population"),
            "countryCode",
            value("pl.country_code"),
            "createdAt",
            instant("pl.created_at"),
            "updatedAt",
            instant("pl.updated_at"),
            "version",
            value("pl.version"));

    /**
     * The same, as stored on the row (V15's places.rendered, set by a trigger on every insert and update, so it is as
     * current as the row): copying it costs a fraction of building it. {@link #LIVE} when there is none.
     */
    public static final String OBJECT = "coalesce(pl.rendered, " + LIVE + ")";

    private PlaceJson() {}
}
