package news.masthead.kernel.errors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One invalid field of a request body or query.")
public record FieldError(
        @Schema(description = "JSON path of the field", examples = "body[2].text")
        String field,

        @Schema(description = "What is wrong with it", examples = "must not be blank")
        String message) {}
