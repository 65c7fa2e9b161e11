package news.masthead.images;

import news.masthead.kernel.paging.PageSchema;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI: a page of images. */
@Schema(name = "PageImageView")
public final class ImagePage extends PageSchema<ImageView> {}
