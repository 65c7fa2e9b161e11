package news.masthead.people;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.sql.RecordReader;

import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/** A person as its single GET shows it to the current caller. */
@ApplicationScoped
class PersonRecords implements RecordReader {

    @Inject
    PersonService people;

    @Inject
    ObjectMapper json;

    @Override
    public String collection() {
        return "people";
    }

    @Override
    public Optional<String> read(UUID id) {
        try {
            return Optional.of(json.writeValueAsString(people.get(id.toString())));
        } catch (ApiException.NotFound gone) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
