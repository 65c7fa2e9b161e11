package news.masthead.places;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Place", description = "A place in a country > region > town hierarchy.")
public record PlaceView(
        UUID id,
        @Schema(examples = "izium") String slug,
        @Schema(examples = "Izium") String name,
        List<String> aliases,
        PlaceKind kind,
        @Schema(nullable = true) UUID parentId,
        @Schema(nullable = true, examples = "49.2128") Double latitude,
        @Schema(nullable = true, examples = "37.2569") Double longitude,
        @Schema(nullable = true) Long population,
        @Schema(nullable = true, examples = "UA") String countryCode,
        Instant createdAt,
        Instant updatedAt,
        @Schema(examples = "1") int version) {}
