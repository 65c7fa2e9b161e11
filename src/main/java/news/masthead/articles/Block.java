package news.masthead.articles;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** One block of an article body. Which fields a block needs depends on its type; see {@link ValidBlock}. */
@ValidBlock
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description =
                "A body block. paragraph and heading need text; quote needs quoteId (a quote's id); "
                        + "related needs either articleId or url (with an optional title); image needs imageId (with an optional caption that overrides the image's own).",
        examples = "{\"type\":\"paragraph\",\"text\":\"The convoy left before dawn.\"}")
public record Block(
        @NotNull @Schema(required = true) Type type,
        @Size(max = 50_000) String text,
        UUID quoteId,
        UUID articleId,
        @Size(max = 2_000) String url,
        @Size(max = 300) String title,
        UUID imageId,
        @Size(max = 5_000) String caption) {

    public enum Type {
        paragraph,
        heading,
        quote,
        related,
        image
    }
}
