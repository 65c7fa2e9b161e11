package news.masthead.access;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A route someone forgot to protect (test code only): the AuthFilter must refuse it to everyone. */
@Path("/test-only/unguarded")
public class UnguardedTestResource {

    @GET
    @Operation(hidden = true)
    public String secret() {
        return "leaked";
    }
}
