package news.masthead.webhooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@JsonIgnoreProperties({"id", "createdAt", "updatedAt", "version", "inactiveReason"})
@Schema(name = "WebhookInput", description = "A webhook subscription: where to POST which change-feed entries.")
public record WebhookInput(
        @NotBlank
        @Size(max = 2000)
        @Schema(
                required = true,
                description = "http or https URL; it may not resolve to a loopback, private or link-local "
                        + "address unless the service allows it (cms.webhooks.allow-private-addresses)",
                examples = "https://www.example.com/api/revalidate")
        String url,

        @Size(min = 1, max = 50)
        @Schema(
                description = "Entry types to send, as collection.op with * for any part (default [\"*\"])",
                examples = "[\"articles.*\", \"people.upsert\"]")
        List<@NotBlank @Pattern(regexp = EVENT, message = "must look like articles.upsert, articles.* or *") String>
                events,

        @Pattern(regexp = "public|all", message = "must be public or all")
        @Schema(
                description = "public (default): what the anonymous change feed shows; all: what editors see",
                enumeration = {"public", "all"})
        String scope,

        @Schema(
                description =
                        "Whether entries are sent (default true); setting it true again resumes a deactivated webhook")
        Boolean active) {

    static final String EVENT = "\\*|[a-z]+\\.(\\*|upsert|delete)";

    WebhookInput withDefaults() {
        return new WebhookInput(
                url,
                events == null ? List.of("*") : events,
                scope == null ? "public" : scope,
                active == null ? Boolean.TRUE : active);
    }
}
