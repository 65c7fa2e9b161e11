package news.masthead.articles;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** An article's lead image as read: the reference with what a page needs to show it (path at the image's version, size, alt). */
@Schema(name = "LeadImage", description = "The article's lead image, resolved")
public record LeadImageView(
        UUID imageId,

        @Schema(nullable = true, description = "The article's caption, else the image's own")
        String caption,

        @Schema(
                description = "Path of the image file at its version; add w (and h, fit) for a rendition",
                examples = "/api/v1/images/0f8b6c1e-3a3e-4c8e-9a55-1f0f3b6b2a10/file?v=1")
        String url,

        @Schema(description = "Of the original", examples = "6000")
        int width,

        @Schema(description = "Of the original", examples = "4000")
        int height,

        @Schema(nullable = true) String alt) {}
