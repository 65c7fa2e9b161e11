package news.masthead.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(
        name = "CreatedWebhook",
        description = "A webhook with its signing secret: shown in this response only, keep it now.")
public record CreatedWebhookView(
        UUID id,

        @Schema(examples = "https://www.example.com/api/revalidate")
        String url,

        @Schema(examples = "[\"articles.*\"]") List<String> events,
        @Schema(enumeration = {"public", "all"}) String scope,
        boolean active,
        @Schema(nullable = true) String inactiveReason,

        @Schema(
                description =
                        "Standard Webhooks signing secret (whsec_ + base64 of 32 bytes). Shown only in this response.",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret,

        Instant createdAt,
        Instant updatedAt,
        @Schema(examples = "1") int version) {

    static CreatedWebhookView of(WebhookView w, String secret) {
        return new CreatedWebhookView(
                w.id(),
                w.url(),
                w.events(),
                w.scope(),
                w.active(),
                w.inactiveReason(),
                secret,
                w.createdAt(),
                w.updatedAt(),
                w.version());
    }
}
