package news.masthead.quotes;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.masthead.articles.ArticleView;
import news.masthead.people.PersonView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Quote", description = "Something a person said: who, where, how and when.")
public record QuoteView(
        UUID id,

        @Schema(examples = "We will not leave the city without a fight.")
        String text,

        UUID speakerId,

        @Schema(nullable = true, description = "Null when unlinked, or when the article is not visible to the caller")
        UUID articleId,

        @Schema(nullable = true, examples = "in his evening address")
        String context,

        @Schema(nullable = true, examples = "Telegram") String channel,
        @Schema(nullable = true) Instant saidAt,
        @Schema(nullable = true, examples = "uk") String language,
        Instant createdAt,
        Instant updatedAt,
        @Schema(examples = "1") int version,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "With include=speaker: the person who said it")
        PersonView speaker,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "With include=article: the article, when the caller may see it")
        ArticleView article) {

    QuoteView withIncludes(PersonView speaker, ArticleView article) {
        return new QuoteView(
                id, text, speakerId, articleId, context, channel, saidAt, language, createdAt, updatedAt, version,
                speaker, article);
    }
}
