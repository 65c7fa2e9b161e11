package news.masthead.tokens;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Token", description = "An API token. Its secret is shown only once, when it is created.")
public record TokenView(
        UUID id,
        @Schema(examples = "Night desk publishing script") String name,
        TokenRole role,
        Instant createdAt,
        Instant updatedAt,
        @Schema(examples = "1") int version) {}
