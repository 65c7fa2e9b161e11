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
        @Schema(examples = "Foreign minister of Ukraine") String role,
        String affiliation,
        String description,
        Instant createdAt,
        Instant updatedAt,
        @Schema(examples = "1") int version) {
}
