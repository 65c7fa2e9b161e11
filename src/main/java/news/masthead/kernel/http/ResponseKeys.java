package news.masthead.kernel.http;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.RequestScoped;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The surrogate keys a request's answer depends on beyond what its body names (a total's collection, a related article
 * it hides), gathered by the read cache as it serves values and sent by {@link HttpCaching} as {@code Surrogate-Key}.
 */
@RequestScoped
public class ResponseKeys {

    private final Set<String> keys = new LinkedHashSet<>();

    /** Adds {@code more} to the current request's keys; outside a request (a job, a test) it does nothing. */
    public static void add(Collection<String> more) {
        var container = Arc.container();
        if (container != null && container.requestContext().isActive()) {
            container.instance(ResponseKeys.class).get().addAll(more);
        }
    }

    void addAll(Collection<String> more) {
        keys.addAll(more);
    }

    Set<String> keys() {
        return keys;
    }
}
