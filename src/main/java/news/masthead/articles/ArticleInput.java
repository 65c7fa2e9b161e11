package news.masthead.articles;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.masthead.kernel.text.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The writable fields of an article, as sent with POST and PUT (and the result of a merge-patch).
 * Server-owned fields sent back by a client are ignored; any other unknown property is a 400.
 */
@ScheduledNeedsTime
@JsonIgnoreProperties({"id", "createdAt", "updatedAt", "version"})
@Schema(
        name = "ArticleInput",
        description = "Writable fields of an article. Omitted optional fields take their defaults.")
public record ArticleInput(
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits separated by single hyphens")
        @Size(max = 120)
        @Schema(
                description = "URL name; derived from the headline when omitted",
                examples = "convoy-leaves-izium-at-dawn")
        String slug,

        @NotBlank
        @Size(max = 300)
        @Schema(required = true, examples = "Convoy leaves Izium at dawn as shelling resumes")
        String headline,

        @Size(max = 2_000) @Schema(examples = "Residents describe a hurried departure.")
        String standfirst,

        @Size(max = 2_000) @Schema(description = "Ordered body blocks; default empty")
        List<@NotNull @Valid Block> body,

        @Size(max = 200) @Schema(description = "Publication name", examples = "Masthead Wire")
        String source,

        @Size(max = 300) @Schema(examples = "Olena Marchenko")
        String byline,

        @Size(max = 100) @Schema(examples = "world") String section,

        @Size(max = 50)
        @Schema(description = "Stored lower-cased; duplicates dropped", examples = "[\"ukraine\",\"war\"]")
        List<@NotBlank @Size(max = 100) String> tags,

        @Pattern(regexp = Languages.BCP47, message = "must be a BCP 47 language tag such as en or pt-BR")
        @Schema(description = "BCP 47; default en", examples = "en")
        String language,

        @Schema(description = "Default draft: nothing is published by accident")
        ArticleStatus status,

        @Schema(
                description = "Required for scheduled; set to now when published without one",
                examples = "2026-11-20T06:00:00Z")
        Instant publishedAt,

        @Schema(description = "Default true") Boolean commentsOpen,

        @Size(max = 200) @Schema(description = "People the article is about, by id")
        List<@NotNull UUID> personIds,

        @Size(max = 200) @Schema(description = "Places the article is about, by id")
        List<@NotNull UUID> placeIds,

        @Valid
        @Schema(
                description =
                        "The picture at the top: an image's id and an optional caption that overrides the image's own")
        LeadImage leadImage) {

    /** An article's lead image as written. */
    @Schema(name = "LeadImageInput")
    public record LeadImage(
            @NotNull @Schema(required = true) UUID imageId,
            @Size(max = 5_000) String caption) {}
}
