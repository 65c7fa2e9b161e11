package news.masthead.kernel.http;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import news.masthead.kernel.auth.Access;
import news.masthead.kernel.auth.Role;
import news.masthead.kernel.cache.ReadCache;
import news.masthead.kernel.sql.Reads;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** Test code only: a @Replayable operation that wrongly reads beside the read cache too. */
@Path("/api/v1/test-only/replay")
public class ReplayTestResource {

    @Inject
    ReadCache cache;

    @Inject
    Reads reads;

    @Inject
    EntityManager em;

    @GET
    @Replayable
    @Access(Role.PUBLIC)
    @Operation(hidden = true)
    public JsonText cachedAndDirect(@QueryParam("via") String via) {
        String cached = cache.getByStatements("test|replay", v -> Set.of("people"), v -> null, () -> "kept");
        String clock = "select clock_timestamp()::text";
        String direct = "hibernate".equals(via)
                ? (String) em.createNativeQuery(clock).getSingleResult()
                : reads.single(clock, Map.of(), rs -> rs.getString(1));
        return new JsonText(
                ("{\"cached\":\"" + cached + "\",\"direct\":\"" + direct + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
