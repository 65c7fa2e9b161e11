package news.masthead.kernel.sql;

import java.util.Optional;
import java.util.UUID;

/**
 * Reads one record of a collection as the current caller may see it, as the JSON its single GET answers. Each feature
 * supplies one for its collection, so that code working from the change feed (webhooks) can show a record without
 * knowing the feature that owns it.
 */
public interface RecordReader {

    /** The change feed's name of the collection, e.g. {@code articles}. */
    String collection();

    /** The record as JSON; empty when it does not exist or the caller may not see it. */
    Optional<String> read(UUID id);
}
