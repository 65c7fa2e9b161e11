package news.masthead.kernel.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.FastThreadLocal;
import io.quarkus.arc.ClientProxy;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.impl.ContextInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import news.masthead.kernel.cache.DataVersion;
import news.masthead.kernel.cache.ReadCache;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Whole anonymous answers of {@link Replayable} operations, kept in the read cache beside the values they were made
 * from and replayed by a route that runs before the REST layer: a repeated read costs a share of the data-version read
 * and a copy of stored bytes and headers, on the event loop. The coherence rule is the read cache's: an answer is
 * replayed only if every value it was made from is still current at a version read after the request arrived
 * ({@link ReadCache.Basis}); otherwise the request goes on to the REST layer, which answers and keeps the new answer.
 * <p>
 * An answer is kept per request URI and per value of each request header that can change it ({@link #VARIES}); any
 * request with a token, or a method other than GET, takes the REST layer.
 */
@ApplicationScoped
public class StoredResponses {

    /** The request headers an anonymous answer can depend on: its representation, CORS, conditions, absolute links. */
    private static final List<String> VARIES = List.of(
            "Accept",
            "Origin",
            "If-None-Match",
            "If-Modified-Since",
            "Host",
            "Forwarded",
            "X-Forwarded-Host",
            "X-Forwarded-Proto",
            "X-Forwarded-Prefix",
            "X-Forwarded-Port");

    private static final String KEY = StoredResponses.class.getName() + ".key";
    private static final String MADE = StoredResponses.class.getName() + ".made";

    /**
     * An answer as sent, its headers as name and value pairs in order, already in bytes (a replay copies them as they
     * are).
     */
    record Stored(int status, AsciiString[] headers, Buffer body, Object template) {}

    /** What the REST layer answered and what from, handed to the route that keeps it as it is sent. */
    private record Made(int status, byte[] body, ReadCache.Basis basis, List<ReadCache.Entry> sources) {}

    @Inject
    ReadCache cache;

    @Inject
    DataVersion dataVersion;

    @Inject
    ResponseKeys used;

    @Inject
    MeterRegistry registry;

    private Counter replays;

    /** Per event loop, the requests waiting for the read they share (see {@link #handle}). */
    private final FastThreadLocal<Waiting> waiting = new FastThreadLocal<>();

    @PostConstruct
    void init() {
        // Both live as long as the application: the replay path calls them without going through their proxies.
        cache = ClientProxy.unwrap(cache);
        dataVersion = ClientProxy.unwrap(dataVersion);
        replays = Counter.builder("masthead.read.cache.replays")
                .description("Whole answers replayed from the read cache before the REST layer (each also a hit)")
                .register(registry);
    }

    void install(@Observes Router router) {
        // After the path check, the body limit and CORS (whose headers the kept answer carries, per Origin).
        router.route("/api/v1/*").order(Integer.MIN_VALUE + 2).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method() != HttpMethod.GET || request.getHeader(HttpHeaders.AUTHORIZATION) != null || !cache.on()) {
            ctx.next();
            return;
        }
        String key = key(request);
        if (!cache.holds(key)) {
            keepAnswer(ctx, key);
            return;
        }
        ContextInternal context = (ContextInternal) Vertx.currentContext();
        CompletableFuture<DataVersion.State> read = dataVersion.next();
        Waiting batch = waiting.get();
        if (batch == null || batch.read != read) {
            Waiting mine = batch = new Waiting(read);
            waiting.set(mine);
            EventLoop loop = context.nettyEventLoop();
            read.whenComplete((state, failure) -> loop.execute(() -> mine.resume(state, failure)));
        }
        // Before the batch resumes: it resumes in a task on this loop, which runs after this handler returns.
        batch.requests.add(new Waiter(ctx, key, context));
    }

    /** The requests on one event loop that wait for one data-version read, resumed by one task on that loop. */
    private final class Waiting {
        final CompletableFuture<DataVersion.State> read;
        final List<Waiter> requests = new ArrayList<>();

        Waiting(CompletableFuture<DataVersion.State> read) {
            this.read = read;
        }

        void resume(DataVersion.State state, Throwable failure) {
            if (waiting.get() == this) {
                // A read that timed out stays on offer until the reader takes it: later requests start a new batch.
                waiting.remove();
            }
            for (Waiter w : requests) {
                w.context.dispatch(v -> answer(w, state, failure)); // with the request's context current
            }
        }
    }

    private record Waiter(RoutingContext ctx, String key, ContextInternal context) {}

    /** A replay if the kept answer is current at {@code state}; else the REST layer answers. */
    private void answer(Waiter w, DataVersion.State state, Throwable failure) {
        Object kept = failure == null ? cache.ifCurrent(w.key, state) : null;
        if (kept instanceof Stored stored) {
            replay(w.ctx, stored);
            return;
        }
        if (failure == null) {
            DataVersion.readFor(w.context, state); // read after the request arrived: the REST layer uses it
        }
        keepAnswer(w.ctx, w.key); // stale, or no version: the REST layer answers (or reports the failure)
    }

    private static String key(HttpServerRequest request) {
        StringBuilder key = new StringBuilder(256).append("response|").append(request.uri());
        MultiMap headers = request.headers(); // once: each call goes through Quarkus' request wrapper
        for (String header : VARIES) {
            String value = headers.get(header);
            key.append('\n').append(value == null ? "" : value);
        }
        return key.toString();
    }

    private void replay(RoutingContext ctx, Stored stored) {
        replays.increment();
        var response = ctx.response();
        MultiMap headers = response.headers().clear();
        for (int i = 0; i < stored.headers.length; i += 2) {
            headers.add(stored.headers[i], stored.headers[i + 1]);
        }
        response.setStatusCode(stored.status);
        if (stored.template != null) {
            ((HttpServerRequestInternal) ctx.request()).context().putLocal(RequestMetrics.TEMPLATE, stored.template);
        }
        if (stored.body == null) {
            response.end();
        } else {
            response.end(stored.body);
        }
    }

    /** Lets the REST layer answer, and keeps the answer as it is sent if {@link #made} says what it was made from. */
    private void keepAnswer(RoutingContext ctx, String key) {
        ctx.put(KEY, key);
        ctx.addHeadersEndHandler(v -> {
            Made made = ctx.get(MADE);
            var response = ctx.response();
            String cacheControl = response.headers().get(HttpHeaders.CACHE_CONTROL);
            if (made == null
                    || response.getStatusCode() != made.status
                    || cacheControl == null
                    || !cacheControl.startsWith("public")) {
                return;
            }
            List<AsciiString> headers = new ArrayList<>();
            long size = 0;
            for (Map.Entry<String, String> h : response.headers()) {
                headers.add(AsciiString.of(h.getKey()));
                headers.add(AsciiString.of(h.getValue()));
                size += 2L * (h.getKey().length() + h.getValue().length());
            }
            Object template =
                    ((HttpServerRequestInternal) ctx.request()).context().getLocal(RequestMetrics.TEMPLATE);
            // The body's bytes, shared with the value they came from; sent as they are, never released.
            Buffer body = made.status == 304
                    ? null
                    : Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(made.body)));
            cache.keep(
                    key,
                    new Stored(made.status, headers.toArray(AsciiString[]::new), body, template),
                    made.basis,
                    size,
                    made.body,
                    made.sources);
        });
        ctx.next();
    }

    /**
     * After {@link HttpCaching} (a lower priority runs later on the way out): a 200 with a body of bytes or a 304 of a
     * {@link Replayable} operation, made only from values the read cache served, is handed to the route to keep.
     */
    @ServerResponseFilter(priority = Priorities.USER - 100)
    public void made(ContainerResponseContext response, ResourceInfo resource, RoutingContext ctx) {
        if (ctx.get(KEY) == null
                || resource.getResourceMethod() == null
                || !resource.getResourceMethod().isAnnotationPresent(Replayable.class)) {
            return;
        }
        ReadCache.Basis basis = used.basis();
        int status = response.getStatus();
        if (basis == null) {
            return;
        }
        if (status == 200 && response.getEntity() instanceof JsonText body) {
            ctx.put(MADE, new Made(200, body.bytes(), basis, used.entries()));
        } else if (status == 200 && response.getEntity() instanceof byte[] body) { // a feed
            ctx.put(MADE, new Made(200, body, basis, used.entries()));
        } else if (status == 304 && response.getEntity() == null) {
            ctx.put(MADE, new Made(304, new byte[0], basis, List.of()));
        }
    }
}
