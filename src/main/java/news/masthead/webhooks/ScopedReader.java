package news.masthead.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import news.masthead.kernel.auth.Caller;
import news.masthead.kernel.auth.Role;
import news.masthead.kernel.sql.RecordReader;

import java.util.Optional;
import java.util.UUID;

/**
 * A record as a webhook's scope sees it, read by the feature that owns it exactly as its GET would answer an anonymous
 * caller (public) or an editor (all): the rules of who sees what stay in one place.
 */
@ApplicationScoped
class ScopedReader {

    @Inject
    Caller caller;

    @Inject
    @Any
    Instance<RecordReader> readers;

    @ActivateRequestContext
    Optional<String> read(String collection, UUID id, boolean all) {
        caller.actAs(all ? Role.EDITOR : Role.PUBLIC);
        for (RecordReader r : readers) {
            if (r.collection().equals(collection)) {
                return r.read(id);
            }
        }
        return Optional.empty();
    }
}
