package news.masthead.kernel.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem document: the body of every error response. */
@Schema(name = "Problem", description = "RFC 9457 problem details, sent as application/problem+json with every error.")
public record Problem(
        @Schema(examples = "urn:masthead:problem:validation")
        String type,

        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "headline: must not be blank") String detail,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Present on validation failures: each invalid field")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String ABOUT_BLANK = "about:blank";
    public static final String TYPE_VALIDATION = "urn:masthead:problem:validation";
    public static final String TYPE_BAD_REQUEST = "urn:masthead:problem:bad-request";
    public static final String TYPE_CONFLICT = "urn:masthead:problem:conflict";
    public static final String TYPE_PRECONDITION = "urn:masthead:problem:precondition-failed";
    public static final String TYPE_RATE_LIMITED = "urn:masthead:problem:rate-limited";

    public static Problem of(int status, String title, String detail) {
        return new Problem(ABOUT_BLANK, title, status, detail, null);
    }
}
