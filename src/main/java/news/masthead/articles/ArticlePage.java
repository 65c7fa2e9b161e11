package news.masthead.articles;

import news.masthead.kernel.paging.PageSchema;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI: a page of articles. */
@Schema(name = "PageArticleView")
public final class ArticlePage extends PageSchema<ArticleView> {}
