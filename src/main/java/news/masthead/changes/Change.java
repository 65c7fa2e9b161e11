package news.masthead.changes;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Change", description = "One committed change of a resource. Fetch the resource itself for its content.")
public record Change(
        @Schema(description = "Position in the feed; strictly increasing in commit order (with gaps)", examples = "42")
        long seq,

        @Schema(description = "articles, people, places or quotes", examples = "articles")
        String collection,

        @Schema(examples = "0f8b6c1e-3a3e-4c8e-9a55-1f0f3b6b2a10")
        UUID id,

        @Schema(
                description =
                        "upsert: created or changed (read it again); delete: gone, or no longer visible to the caller",
                enumeration = {"upsert", "delete"})
        String op,

        @Schema(
                description =
                        "When the change was committed (for an article that became visible at its scheduled time: that time)")
        Instant at) {}
