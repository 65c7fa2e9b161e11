package news.masthead.places;

import news.masthead.kernel.paging.PageSchema;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI: a page of places. */
@Schema(name = "PagePlaceView")
public final class PlacePage extends PageSchema<PlaceView> {}
