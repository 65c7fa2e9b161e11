package news.masthead.quotes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.masthead.articles.Languages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@JsonIgnoreProperties({"id", "createdAt", "updatedAt", "version"})
@Schema(name = "QuoteInput", description = "Writable fields of a quote. Omitted optional fields are empty.")
public record QuoteInput(
        @NotBlank @Size(max = 10_000) @Schema(required = true, examples = "We will not leave the city without a fight.")
        String text,

        @NotNull @Schema(required = true, description = "The person who said it")
        UUID speakerId,

        @Schema(description = "The article the quote appears in")
        UUID articleId,

        @Size(max = 500) @Schema(examples = "in his evening address")
        String context,

        @Size(max = 200) @Schema(examples = "Telegram") String channel,
        @Schema(examples = "2026-11-19T19:30:00Z") Instant saidAt,

        @Pattern(regexp = Languages.BCP47, message = "must be a BCP 47 language tag such as en or uk")
        @Schema(examples = "uk")
        String language) {}
