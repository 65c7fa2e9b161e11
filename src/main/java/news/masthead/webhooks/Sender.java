package news.masthead.webhooks;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP POST of a delivery, to the address its url was resolved to and checked at (see {@link Destination}): the
 * Vert.x client connects to that address, not to a name it would resolve again, while the Host header, the TLS server
 * name and the host name the certificate is verified against stay the url's. Redirects are not followed (a 3xx is a
 * failure: the url should be fixed, and following it could lead anywhere); the answer's body is read up to 64 KiB and
 * dropped, all within the timeout.
 */
final class Sender {

    static final int MAX_BODY = 64 * 1024;

    record Outcome(Integer status, int durationMs, String error) {
        boolean ok() {
            return error == null;
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    Sender(Vertx vertx, Duration timeout) {
        this(vertx, timeout, new HttpClientOptions());
    }

    /** {@code options} as given (tests add trust in a test certificate), with the settings every delivery needs. */
    Sender(Vertx vertx, Duration timeout, HttpClientOptions options) {
        this.timeout = timeout;
        this.client = vertx.createHttpClient(options.setConnectTimeout((int) timeout.toMillis())
                .setVerifyHost(true)
                .setForceSni(true));
    }

    Outcome post(Destination.Target target, Map<String, String> headers, byte[] body) {
        long start = System.nanoTime();
        RequestOptions ro = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.pathAndQuery())
                .setFollowRedirects(false)
                .setTimeout(timeout.toMillis())
                .putHeader("Host", target.authority())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "Masthead-Webhooks/1");
        headers.forEach(ro::putHeader);
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        CompletableFuture<Integer> call = new CompletableFuture<>();
        client.request(ro)
                .compose(request -> {
                    sent.set(request);
                    return request.send(Buffer.buffer(body));
                })
                .onSuccess(response -> {
                    long[] read = {0};
                    try {
                        response.handler(chunk -> {
                            read[0] += chunk.length();
                            if (read[0] > MAX_BODY) { // enough: the connection is dropped, not drained
                                call.complete(response.statusCode());
                                sent.get().reset();
                            }
                        });
                    } catch (IllegalStateException ended) {
                        // An empty answer may have ended before this callback runs; Vert.x then refuses a handler, and
                        // the attempt used to wait out its whole timeout (the bench: 18 deliveries/s instead of 180).
                    }
                    // end(), not endHandler: this callback may run after the end came (an empty answer), which an
                    // end handler set then would never hear of.
                    response.end()
                            .onSuccess(done -> call.complete(response.statusCode()))
                            .onFailure(call::completeExceptionally);
                })
                .onFailure(call::completeExceptionally);
        try {
            int status = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(status, millisSince(start), status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (TimeoutException e) {
            abandon(sent.get());
            return new Outcome(null, millisSince(start), "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof TimeoutException) { // Vert.x's own, when no byte came for the whole timeout
                return new Outcome(null, millisSince(start), "no answer within " + timeout.toMillis() + " ms");
            }
            return new Outcome(null, millisSince(start), describe(cause));
        } catch (InterruptedException e) {
            abandon(sent.get());
            Thread.currentThread().interrupt();
            return new Outcome(null, millisSince(start), "interrupted");
        }
    }

    /** The failure and, when it wraps one, its root (a TLS failure says why only there: a name the certificate lacks). */
    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return root == t ? text : text + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private static void abandon(HttpClientRequest request) {
        if (request != null) {
            request.reset();
        }
    }

    private static int millisSince(long start) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000);
    }
}
