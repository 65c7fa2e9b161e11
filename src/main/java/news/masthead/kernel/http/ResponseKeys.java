package news.masthead.kernel.http;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import jakarta.enterprise.context.RequestScoped;
import news.masthead.kernel.cache.ReadCache;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a request's answer was made from, gathered by the read cache as it serves values: the surrogate keys it depends
 * on beyond what its body names (a total's collection, a related article it hides), sent by {@link HttpCaching} as
 * {@code Surrogate-Key}, and the bases of those values, with which {@link StoredResponses} keeps the whole answer.
 */
@RequestScoped
public class ResponseKeys {

    private final Set<String> keys = new LinkedHashSet<>();
    private ReadCache.Basis basis;
    /** A value came from outside the cache (computed in a transaction, or with the cache off): the answer is not kept. */
    private boolean unknownBasis;

    /**
     * Adds {@code more} to the current request's keys, and the basis of the value they came with ({@code null}: computed
     * at no known state); outside a request (a job, a test) it does nothing.
     */
    public static void add(Collection<String> more, ReadCache.Basis basis) {
        var container = Arc.container();
        if (container != null && container.requestContext().isActive()) {
            proxy(container).addAll(more, basis);
        }
    }

    /** The client proxy, which finds the current request's instance: looked up once per container, not per call. */
    private static ResponseKeys proxy(ArcContainer container) {
        Proxy p = proxy;
        if (p == null || p.container != container) {
            proxy = p =
                    new Proxy(container, container.instance(ResponseKeys.class).get());
        }
        return p.keys;
    }

    private record Proxy(ArcContainer container, ResponseKeys keys) {}

    private static volatile Proxy proxy;

    /**
     * A statement is about to run on this thread: outside a read-cache computation it reads for the request itself, so
     * its answer depends on more than the values the read cache served and is not kept whole.
     */
    public static void statement() {
        if (!ReadCache.computing()) {
            add(Set.of(), null);
        }
    }

    void addAll(Collection<String> more, ReadCache.Basis from) {
        keys.addAll(more);
        if (from == null) {
            unknownBasis = true;
        } else {
            basis = basis == null ? from : basis.and(from);
        }
    }

    Set<String> keys() {
        return keys;
    }

    /** What every value the answer used was computed from, or null if one came from elsewhere or none was used. */
    ReadCache.Basis basis() {
        return unknownBasis ? null : basis;
    }
}
