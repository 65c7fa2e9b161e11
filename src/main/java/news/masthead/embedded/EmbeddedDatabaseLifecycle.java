package news.masthead.embedded;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import news.masthead.kernel.config.CmsConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/** Tells where the generated admin token is, and stops the embedded server with the application. */
@ApplicationScoped
class EmbeddedDatabaseLifecycle {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseLifecycle.class);

    @Inject
    CmsConfig config;

    void onStart(@Observes StartupEvent event) {
        String tokenSource = ConfigProvider.getConfig()
                .getConfigValue(AdminTokenFile.CONFIG_KEY)
                .getSourceName();
        if (EmbeddedDatabase.running()
                && tokenSource != null
                && tokenSource.contains(EmbeddedDatabaseConfigFactory.SOURCE_NAME)) {
            LOG.infof(
                    "Embedded PostgreSQL in %s; admin token in %s",
                    AdminTokenFile.location(config.dataDir()).getParent().resolve("pg"),
                    AdminTokenFile.location(config.dataDir()));
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        // Dev-mode live reload restarts the application, not the JVM: keep the server for the next round.
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            EmbeddedDatabase.stop();
        }
    }
}
