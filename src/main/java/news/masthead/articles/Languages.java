package news.masthead.articles;

/** Shape of a BCP 47 language tag (language, optional script, region and variants). */
public final class Languages {
    public static final String BCP47 = "^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-[a-zA-Z0-9]{5,8})*$";
    public static final String DEFAULT = "en";

    private Languages() {}
}
