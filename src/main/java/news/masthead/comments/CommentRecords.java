package news.masthead.comments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.sql.RecordReader;

import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/** A comment as the current caller may see it: with its e-mail for editors only. */
@ApplicationScoped
class CommentRecords implements RecordReader {

    @Inject
    CommentService comments;

    @Inject
    ObjectMapper json;

    @Override
    public String collection() {
        return "comments";
    }

    @Override
    public Optional<String> read(UUID id) {
        try {
            Optional<Object> shown = comments.shown(id);
            return shown.isEmpty() ? Optional.empty() : Optional.of(json.writeValueAsString(shown.get()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
