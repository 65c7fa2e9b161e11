package news.masthead.places;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.sql.RecordReader;

import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/** A place as its single GET shows it to the current caller. */
@ApplicationScoped
class PlaceRecords implements RecordReader {

    @Inject
    PlaceService places;

    @Inject
    ObjectMapper json;

    @Override
    public String collection() {
        return "places";
    }

    @Override
    public Optional<String> read(UUID id) {
        try {
            return Optional.of(json.writeValueAsString(places.get(id.toString())));
        } catch (ApiException.NotFound gone) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
