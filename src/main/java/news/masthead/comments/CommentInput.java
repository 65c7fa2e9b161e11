package news.masthead.comments;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * The writable fields of a comment: what a reader posts, and (with {@code status}) what a
 * moderator patches. {@code articleId} comes from the path and is read-only.
 */
@JsonIgnoreProperties({"id", "articleId", "createdAt", "updatedAt", "version"})
@Schema(
        name = "CommentInput",
        description = "A reader's comment. On POST the status is ignored: a new comment is always pending.")
public record CommentInput(
        @Schema(description = "The comment this one replies to: an approved comment of the same article")
        UUID parentId,

        @NotBlank @PlainText(max = 200) @Schema(required = true, maxLength = 200, examples = "Oksana K.")
        String authorName,

        @NotBlank
        @Size(max = 254)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s.]+", message = "must be a well-formed email address")
        @Schema(required = true, description = "Never shown to anyone but editors", examples = "oksana@example.org")
        String authorEmail,

        @NotBlank
        @PlainText(max = 10_000)
        @Schema(
                required = true,
                minLength = 1,
                maxLength = 10_000,
                description = "Plain text, stored exactly as sent",
                examples = "Thank you for reporting from Izium.")
        String body,

        @Schema(description = "Moderation state; ignored on POST (a new comment is always pending)")
        CommentStatus status) {}
