package news.masthead.articles;

/** Lower-case constants: the same word in JSON, in the database and in queries. */
public enum ArticleStatus {
    draft,
    scheduled,
    published,
    archived
}
