package news.masthead.images;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the subject is, as fractions of width and height from the top left: cover crops keep it in the frame. */
@Schema(name = "FocalPoint", description = "Fractions of width and height from the top left; default the centre")
public record FocalPoint(
        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(required = true, examples = "0.5")
        Double x,

        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(required = true, examples = "0.3")
        Double y) {

    static final FocalPoint CENTRE = new FocalPoint(0.5, 0.5);
}
