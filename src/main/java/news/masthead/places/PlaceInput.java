package news.masthead.places;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import news.masthead.kernel.text.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@CoordinatesTogether
@JsonIgnoreProperties({"id", "createdAt", "updatedAt", "version"})
@Schema(name = "PlaceInput", description = "Writable fields of a place. Omitted optional fields take their defaults.")
public record PlaceInput(
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits separated by single hyphens")
        @Size(max = 120)
        @Schema(description = "URL name; derived from the name when omitted", examples = "izium")
        String slug,

        @NotBlank @Size(max = 200) @Schema(required = true, examples = "Izium")
        String name,

        @Size(max = 50) @Schema(description = "Spelling variants", examples = "[\"Izyum\"]")
        List<@NotBlank @Size(max = 200) String> aliases,

        @Schema(description = "Default other") PlaceKind kind,

        @Schema(description = "The place this one lies in; a cycle is refused")
        UUID parentId,

        @DecimalMin("-90")
        @DecimalMax("90")
        @Schema(description = "WGS 84 degrees; give with longitude", examples = "49.2128")
        Double latitude,

        @DecimalMin("-180")
        @DecimalMax("180")
        @Schema(description = "WGS 84 degrees; give with latitude", examples = "37.2569")
        Double longitude,

        @PositiveOrZero @Schema(examples = "45000") Long population,

        @Pattern(regexp = "^[A-Za-z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as UA")
        @Schema(description = "ISO 3166-1 alpha-2, stored upper-case", examples = "UA")
        String countryCode) {}
