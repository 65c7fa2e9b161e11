package news.masthead.comments;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "PublicComment", description = "A reader's comment as the public sees it: no e-mail address.")
public record PublicCommentView(
        UUID id,
        UUID articleId,

        @Schema(nullable = true, description = "The comment this one replies to, or null")
        UUID parentId,

        @Schema(examples = "Oksana K.") String authorName,

        @Schema(examples = "Thank you for reporting from Izium.")
        String body,

        @Schema(description = "approved in lists; pending in the reply to a new comment")
        CommentStatus status,

        Instant createdAt,
        Instant updatedAt,
        @Schema(examples = "1") int version) {}
