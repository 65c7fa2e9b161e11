package news.masthead.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(
        name = "Webhook",
        description = "A webhook subscription. Its signing secret is shown only when created or rotated.")
public record WebhookView(
        UUID id,

        @Schema(examples = "https://www.example.com/api/revalidate")
        String url,

        @Schema(examples = "[\"articles.*\"]") List<String> events,
        @Schema(enumeration = {"public", "all"}) String scope,
        boolean active,

        @Schema(
                description = "Why the service deactivated it (its endpoint kept failing); null while active or "
                        + "deactivated by an admin",
                nullable = true,
                examples = "Deliveries failed for 24h; last: HTTP 500")
        String inactiveReason,

        Instant createdAt,
        Instant updatedAt,
        @Schema(examples = "1") int version) {}
