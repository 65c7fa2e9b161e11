package news.masthead.people;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Person", description = "A person who is quoted or written about.")
public record PersonView(
        UUID id,
        @Schema(examples = "andriy-sybiha") String slug,
        @Schema(examples = "Andriy Sybiha") String name,
        List<String> aliases,

        @Schema(nullable = true, examples = "Foreign minister of Ukraine")
        String role,

        @Schema(nullable = true) String affiliation,
        @Schema(nullable = true) String description,

        @Schema(nullable = true, description = "A portrait: an image's id")
        UUID imageId,

        Instant createdAt,
        Instant updatedAt,
        @Schema(examples = "1") int version) {}
