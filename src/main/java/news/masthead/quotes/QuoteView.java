package news.masthead.quotes;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Quote", description = "Something a person said: who, where, how and when.")
public record QuoteView(
        UUID id,
        @Schema(examples = "We will not leave the city without a fight.") String text,
        UUID speakerId,
        @Schema(description = "Null when unlinked, or when the article is not visible to the caller") UUID articleId,
        @Schema(examples = "in his evening address") String context,
        @Schema(examples = "Telegram") String channel,
        Instant saidAt,
        @Schema(examples = "uk") String language,
        Instant createdAt,
        Instant updatedAt,
        @Schema(examples = "1") int version) {
}
