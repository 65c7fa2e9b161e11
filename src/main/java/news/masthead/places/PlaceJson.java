package news.masthead.places;

import static news.masthead.kernel.sql.JsonSql.decimal;
import static news.masthead.kernel.sql.JsonSql.instant;
import static news.masthead.kernel.sql.JsonSql.object;
import static news.masthead.kernel.sql.JsonSql.value;

/** A place as JSON built by PostgreSQL, byte for byte as {@link PlaceView} serialises. */
public final class PlaceJson {

    /** SQL expression over a places row aliased {@code pl}. */
    public static final String OBJECT = object(
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

    private PlaceJson() {}
}
