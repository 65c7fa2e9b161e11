package news.masthead.images;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Image", description = "A photo or graphic. The file's fields are filled by the server from the upload.")
public record ImageView(
        UUID id,

        @Schema(nullable = true, examples = "izium-convoy.jpg")
        String filename,

        @Schema(description = "Of the original", examples = "image/jpeg")
        String contentType,

        @Schema(description = "Size of the original in bytes", examples = "2481152")
        long bytes,

        @Schema(examples = "6000") int width,
        @Schema(examples = "4000") int height,
        @Schema(description = "Hex SHA-256 of the original") String sha256,
        @Schema(nullable = true) String alt,
        @Schema(nullable = true) String caption,
        @Schema(nullable = true) String credit,
        @Schema(nullable = true) String copyright,
        @Schema(nullable = true) String source,
        @Schema(nullable = true) Instant takenAt,
        FocalPoint focalPoint,
        List<UUID> personIds,
        @Schema(nullable = true) UUID placeId,

        @Schema(
                description = "Path of the file at its version (renditions: add w, h, fit, format)",
                examples = "/api/v1/images/0f8b6c1e-3a3e-4c8e-9a55-1f0f3b6b2a10/file?v=1")
        String url,

        Instant createdAt,
        Instant updatedAt,
        @Schema(examples = "1") int version) {

    static String url(UUID id, int version) {
        return "/api/v1/images/" + id + "/file?v=" + version;
    }
}
