package news.masthead.comments;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Comment", description = "A reader's comment as editors see it, with the author's e-mail address.")
public record CommentView(
        UUID id,
        UUID articleId,

        @Schema(nullable = true, description = "The comment this one replies to, or null")
        UUID parentId,

        @Schema(examples = "Oksana K.") String authorName,
        @Schema(examples = "oksana@example.org") String authorEmail,

        @Schema(examples = "Thank you for reporting from Izium.")
        String body,

        CommentStatus status,
        Instant createdAt,
        Instant updatedAt,
        @Schema(examples = "1") int version) {}
