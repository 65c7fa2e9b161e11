package news.masthead.quotes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.sql.RecordReader;

import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/** A quote as its single GET shows it to the current caller. */
@ApplicationScoped
class QuoteRecords implements RecordReader {

    @Inject
    QuoteService quotes;

    @Inject
    ObjectMapper json;

    @Override
    public String collection() {
        return "quotes";
    }

    @Override
    public Optional<String> read(UUID id) {
        try {
            return Optional.of(json.writeValueAsString(quotes.get(id.toString())));
        } catch (ApiException.NotFound gone) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
