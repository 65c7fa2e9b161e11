package news.masthead.articles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.sql.RecordReader;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/** An article as its single GET shows it to the current caller. */
@ApplicationScoped
class ArticleRecords implements RecordReader {

    @Inject
    ArticleService articles;

    @Override
    public String collection() {
        return "articles";
    }

    @Override
    public Optional<String> read(UUID id) {
        try {
            return Optional.of(
                    new String(articles.json(id.toString(), null).body().bytes(), StandardCharsets.UTF_8));
        } catch (ApiException.NotFound gone) {
            return Optional.empty();
        }
    }
}
