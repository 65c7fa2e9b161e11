package news.masthead.places;

/** Lower-case constants: the same word in JSON, in the database and in queries. */
public enum PlaceKind {
    country,
    region,
    city,
    town,
    village,
    area,
    other
}
