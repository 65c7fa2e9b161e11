package news.masthead.articles;

/**
 * What a feature above articles adds to an article's JSON when asked for by {@code ?include=}{@link #name()}:
 * the quotes feature adds an article's quotes this way, so that articles need not know what a quote is.
 */
public interface ArticleInclude {

    /** The include's name, and the JSON field it fills. */
    String name();

    /** SQL expression over the article row aliased {@code a}: the JSON of the field. */
    String sql();
}
