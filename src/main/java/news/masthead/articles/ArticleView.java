package news.masthead.articles;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.masthead.images.ImageView;
import news.masthead.people.PersonView;
import news.masthead.places.PlaceView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An article; people, places and quotes (the includes) appear only in the JSON that {@link ArticleJson} writes. */
@Schema(name = "Article", description = "A news article.")
public record ArticleView(
        @Schema(examples = "0f8b6c1e-3a3e-4c8e-9a55-1f0f3b6b2a10")
        UUID id,

        @Schema(examples = "convoy-leaves-izium-at-dawn") String slug,

        @Schema(examples = "Convoy leaves Izium at dawn as shelling resumes")
        String headline,

        @Schema(nullable = true) String standfirst,
        List<Block> body,
        @Schema(nullable = true) String source,
        @Schema(nullable = true) String byline,
        @Schema(nullable = true) String section,
        List<String> tags,
        @Schema(examples = "en") String language,
        ArticleStatus status,
        @Schema(nullable = true) Instant publishedAt,
        boolean commentsOpen,
        List<UUID> personIds,
        List<UUID> placeIds,
        @Schema(nullable = true) LeadImageView leadImage,
        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "1 on create, +1 on every change", examples = "1")
        int version,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "With include=people: the linked people")
        List<PersonView> people,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "With include=places: the linked places")
        List<PlaceView> places,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                type = SchemaType.ARRAY,
                ref = "Quote",
                description = "With include=quotes: the quotes whose articleId is this article")
        List<Object> quotes,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "With include=images: the images of leadImage and image blocks")
        List<ImageView> images) {}
