package news.masthead.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The writable fields of an image (the metadata part of an upload, PUT and PATCH); the server fills the rest. */
@JsonIgnoreProperties({
    "id",
    "createdAt",
    "updatedAt",
    "version",
    "filename",
    "contentType",
    "bytes",
    "width",
    "height",
    "sha256",
    "url"
})
@Schema(name = "ImageInput", description = "Writable fields of an image. Omitted optional fields take their defaults.")
public record ImageInput(
        @Size(max = 1_000)
        @Schema(
                description = "Text alternative for readers who cannot see the image",
                examples = "A convoy of buses on a snowy road at dawn")
        String alt,

        @Size(max = 5_000) @Schema(examples = "Residents leave Izium on the morning of 20 November.")
        String caption,

        @Size(max = 300) @Schema(examples = "Reuters/Jane Roe")
        String credit,

        @Size(max = 300) @Schema(examples = "© 2026 Reuters")
        String copyright,

        @Size(max = 300) @Schema(description = "Agency or origin", examples = "Reuters")
        String source,

        @Schema(description = "When the picture was taken", examples = "2026-11-20T06:00:00Z")
        Instant takenAt,

        @Valid @Schema(description = "Default the centre") FocalPoint focalPoint,

        @Size(max = 100) @Schema(description = "People shown, by id")
        List<@NotNull UUID> personIds,

        @Schema(description = "Where it was taken, by id") UUID placeId) {

    static final ImageInput EMPTY = new ImageInput(null, null, null, null, null, null, null, null, null);
}
