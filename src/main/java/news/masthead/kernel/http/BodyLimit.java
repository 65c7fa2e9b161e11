package news.masthead.kernel.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.errors.Problem;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Request bodies are limited to 1 MiB, answered with a problem+json 413: up front when
 * Content-Length says so, otherwise (chunked uploads) as soon as the 1 MiB + 1st byte is read.
 * Quarkus' own limit (quarkus.http.limits.max-body-size) stays above this one as a hard cap; its
 * 413 has no body. Uploads (image and multipart bodies) have a larger limit of their own (images/).
 */
@Provider
@ApplicationScoped
public class BodyLimit implements ReaderInterceptor {

    public static final long MAX_BYTES = 1024 * 1024;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null
                    && !ownLimit(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))
                    && length.length() < 19
                    && length.chars().allMatch(Character::isDigit)
                    && Long.parseLong(length) > MAX_BYTES) {
                ctx.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Json.encode(new ApiException.TooLarge().toProblem()));
                return;
            }
            ctx.next();
        });
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!ownLimit(
                context.getMediaType() == null ? null : context.getMediaType().toString())) {
            context.setInputStream(new Limited(context.getInputStream()));
        }
        return context.proceed();
    }

    /** Image files and multipart forms are uploads: the operations that take them enforce their own limit. */
    static boolean ownLimit(String contentType) {
        String type = contentType == null ? "" : contentType.trim().toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("image/") || type.startsWith("multipart/form-data");
    }

    private static final class Limited extends FilterInputStream {
        private long count;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            return n < 0 ? n : counted(n);
        }

        private int counted(int n) {
            count += n;
            if (count > MAX_BYTES) {
                throw new ApiException.TooLarge();
            }
            return n;
        }
    }
}
