package news.masthead.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP POST of a delivery. Redirects are not followed (a 3xx is a failure: the url should be fixed, and following
 * it could lead anywhere); the answer's body is read up to 64 KiB and dropped, all within the timeout.
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

    Sender(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    Outcome post(String url, Map<String, String> headers, byte[] body) {
        long start = System.nanoTime();
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Masthead-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(rb::header);
        CompletableFuture<HttpResponse<Void>> call = client.sendAsync(rb.build(), info -> new Discard());
        try {
            int status = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            return new Outcome(status, millisSince(start), status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Outcome(null, millisSince(start), "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return new Outcome(null, millisSince(start), "no answer within " + timeout.toMillis() + " ms");
            }
            return new Outcome(
                    null,
                    millisSince(start),
                    cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome(null, millisSince(start), "interrupted");
        }
    }

    private static int millisSince(long start) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000);
    }

    /** Reads and drops the body; past MAX_BODY bytes it stops reading and completes (the connection is dropped). */
    private static final class Discard implements HttpResponse.BodySubscriber<Void> {
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long read;

        @Override
        public CompletionStage<Void> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                read += b.remaining();
            }
            if (read > MAX_BODY) {
                subscription.cancel();
                done.complete(null);
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }
}
