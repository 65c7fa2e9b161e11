package news.masthead.quotes;

import news.masthead.kernel.paging.PageSchema;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI: a page of quotes. */
@Schema(name = "PageQuoteView")
public final class QuotePage extends PageSchema<QuoteView> {}
