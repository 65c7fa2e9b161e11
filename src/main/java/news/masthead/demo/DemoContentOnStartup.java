package news.masthead.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import news.masthead.kernel.config.CmsConfig;
import org.jboss.logging.Logger;

/** Loads the demo content into an empty database at startup, unless {@code cms.demo-content=false}. */
@ApplicationScoped
class DemoContentOnStartup {

    private static final Logger LOG = Logger.getLogger(DemoContentOnStartup.class);

    @Inject
    CmsConfig config;

    @Inject
    DemoContent demo;

    void onStart(@Observes StartupEvent event) {
        if (!config.demoContent()) {
            return;
        }
        DemoContent.Loaded loaded;
        try {
            loaded = demo.loadIfEmpty();
        } catch (RuntimeException e) {
            // Rolled back, so the next start tries again; the service itself works without demo content.
            LOG.error("Demo content could not be loaded; starting without it", e);
            return;
        }
        if (loaded.isEmpty()) {
            LOG.debug("Demo content skipped: the database already holds content");
        } else {
            LOG.infof("Demo content loaded: %s (cms.demo-content=false skips this)", loaded);
        }
    }
}
