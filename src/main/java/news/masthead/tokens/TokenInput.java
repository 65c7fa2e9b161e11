package news.masthead.tokens;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonIgnoreProperties({"id", "createdAt", "updatedAt", "version"})
@Schema(name = "TokenInput", description = "A new API token: what it is for, and its role.")
public record TokenInput(
        @NotBlank
        @Size(max = 200)
        @Schema(
                required = true,
                description = "What or who the token is for",
                examples = "Night desk publishing script")
        String name,

        @NotNull
        @Schema(
                required = true,
                description = "editor writes content and moderates comments; admin also manages tokens")
        TokenRole role) {}
