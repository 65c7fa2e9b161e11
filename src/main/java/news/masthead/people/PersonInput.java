package news.masthead.people;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.masthead.kernel.text.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@JsonIgnoreProperties({"id", "createdAt", "updatedAt", "version"})
@Schema(name = "PersonInput", description = "Writable fields of a person. Omitted optional fields take their defaults.")
public record PersonInput(
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits separated by single hyphens")
        @Size(max = 120)
        @Schema(description = "URL name; derived from the name when omitted", examples = "andriy-sybiha")
        String slug,

        @NotBlank @Size(max = 200) @Schema(required = true, examples = "Andriy Sybiha")
        String name,

        @Size(max = 50) @Schema(description = "Other spellings and names", examples = "[\"Andrii Sybiha\"]")
        List<@NotBlank @Size(max = 200) String> aliases,

        @Size(max = 300) @Schema(examples = "Foreign minister of Ukraine")
        String role,

        @Size(max = 300) @Schema(examples = "Government of Ukraine")
        String affiliation,

        @Size(max = 5_000) @Schema(examples = "Career diplomat, appointed in 2024.")
        String description,

        @Schema(description = "A portrait: an image's id") UUID imageId) {}
