package news.masthead.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "WebhookDelivery", description = "One attempt to deliver an entry (or a ping) to a webhook's url.")
public record DeliveryView(
        @Schema(description = "The change-feed entry; null for a ping", nullable = true, examples = "42")
        Long seq,

        @Schema(examples = "articles.upsert") String type,

        @Schema(description = "1 for the first attempt at this entry, then 2, 3… while it is retried", examples = "1")
        int attempt,

        @Schema(
                description = "HTTP status of the answer; null when there was none (timeout, refused, unreachable)",
                nullable = true,
                examples = "200")
        Integer status,

        @Schema(description = "Milliseconds from sending to the answer (or giving up)", examples = "37")
        int durationMs,

        @Schema(
                description = "Why the attempt failed; null when the answer was 2xx",
                nullable = true,
                examples = "HTTP 500")
        String error,

        Instant at) {}
