package news.masthead.kernel.http;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import jakarta.enterprise.context.RequestScoped;
import news.masthead.kernel.cache.ReadCache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a request's answer was made from, gathered by the read cache as it serves values: the surrogate keys it depends
 * on beyond what its body names (a total's collection, a related article it hides), sent by {@link HttpCaching} as
 * {@code Surrogate-Key}, and the bases of those values, with which {@link StoredResponses} keeps the whole answer.
 */
@RequestScoped
public class ResponseKeys {

    private final Set<String> keys = new LinkedHashSet<>();
    /** The read cache's entries the answer was made from: it may send one's body as it is (see ReadCache#keep). */
    private final List<ReadCache.Entry> entries = new ArrayList<>(2);

    private ReadCache.Basis basis;
    /** A value came from outside the cache (computed in a transaction, or with the cache off): the answer is not kept. */
    private boolean unknownBasis;

    /**
     * Adds {@code more} to the current request's keys, and the basis of the value they came with ({@code null}: computed
     * at no known state); outside a request (a job, a test) it does nothing.
     */
    public static void add(Collection<String> more, ReadCache.Basis basis) {
        add(more, basis, null);
    }

    /** As {@link #add(Collection, ReadCache.Basis)} for a value the read cache kept as {@code entry}. */
    public static void add(Collection<String> more, ReadCache.Basis basis, ReadCache.Entry entry) {
        var container = Arc.container();
        if (container != null && container.requestContext().isActive()) {
            proxy(container).addAll(more, basis, entry);
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

    void addAll(Collection<String> more, ReadCache.Basis from, ReadCache.Entry entry) {
        keys.addAll(more);
        if (from == null) {
            unknownBasis = true;
        } else {
            basis = basis == null ? from : basis.and(from);
        }
        if (entry != null) {
            entries.add(entry);
        }
    }

    Set<String> keys() {
        return keys;
    }

    List<ReadCache.Entry> entries() {
        return entries;
    }

    /** What every value the answer used was computed from, or null if one came from elsewhere or none was used. */
    ReadCache.Basis basis() {
        return unknownBasis ? null : basis;
    }
}
