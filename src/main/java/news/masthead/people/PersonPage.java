package news.masthead.people;

import news.masthead.kernel.paging.PageSchema;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI: a page of people. */
@Schema(name = "PagePersonView")
public final class PersonPage extends PageSchema<PersonView> {}
