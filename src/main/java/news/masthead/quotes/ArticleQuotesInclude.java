package news.masthead.quotes;

import jakarta.enterprise.context.ApplicationScoped;
import news.masthead.articles.ArticleInclude;

import static news.masthead.kernel.sql.JsonSql.array;

/** {@code ?include=quotes} on an article: the quotes whose articleId is the article, earliest said first. */
@ApplicationScoped
class ArticleQuotesInclude implements ArticleInclude {

    @Override
    public String name() {
        return "quotes";
    }

    @Override
    public String sql() {
        return array(QuoteJson.OBJECT, "from quotes q where q.article_id = a.id", "q.said_at nulls last, q.id");
    }
}
