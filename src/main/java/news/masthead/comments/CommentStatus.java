package news.masthead.comments;

import news.masthead.kernel.errors.ApiException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Lower-case constants: the same word in JSON, in the database and in queries. */
public enum CommentStatus {
    pending, approved, rejected, spam;

    /** A status named in a query parameter; anything else is a 400 naming {@code field}. */
    static CommentStatus parse(String value, String field) {
        for (CommentStatus s : values()) {
            if (s.name().equals(value)) {
                return s;
            }
        }
        throw ApiException.InvalidRequest.field(field, "must be one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
