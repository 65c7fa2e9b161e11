package news.masthead.webhooks;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookReplay", description = "Where to re-send from.")
public record ReplayInput(
        @NotNull
        @Schema(
                required = true,
                description = "A change-feed cursor (a `next` of GET /api/v1/changes): every matching entry "
                        + "after it is sent again, in order, before anything newer",
                examples = "Y2hhbmdlczo0Mg")
        String after) {}
