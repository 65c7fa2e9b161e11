package news.masthead.comments;

import news.masthead.kernel.paging.PageSchema;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI: a page of an article's approved comments. */
@Schema(name = "PagePublicCommentView")
public final class PublicCommentPage extends PageSchema<PublicCommentView> {}
