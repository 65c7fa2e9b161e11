package news.masthead.tokens;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(
        name = "CreatedToken",
        description = "A token just created, with its secret. The secret is shown this once "
                + "and stored only as a hash: keep it now, it cannot be retrieved later.")
public record CreatedTokenView(
        UUID id,
        @Schema(examples = "Night desk publishing script") String name,
        TokenRole role,

        @Schema(
                description = "Send as Authorization: Bearer <secret>. Shown only in this response.",
                examples = "mh_3q2-7wEpYk0bqk3nB3pD3r9i8m6kq0X5h9bZx1cV2aQ")
        String secret,

        Instant createdAt,
        Instant updatedAt,
        @Schema(examples = "1") int version) {}
