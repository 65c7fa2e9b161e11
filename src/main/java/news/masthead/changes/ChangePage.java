package news.masthead.changes;

import news.masthead.kernel.paging.PageSchema;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI: a page of the change feed. */
@Schema(name = "PageChange")
public final class ChangePage extends PageSchema<Change> {}
