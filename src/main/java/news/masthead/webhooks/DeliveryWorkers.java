package news.masthead.webhooks;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import news.masthead.kernel.config.CmsConfig;
import org.jboss.logging.Logger;

/**
 * Runs this instance's delivery loop from start to shutdown. Without a secret key nothing can be signed: the loop does
 * not run (said once at start, not at every poll) and entries wait, to be sent once the instance runs with a key.
 */
@ApplicationScoped
class DeliveryWorkers {

    @Inject
    Attempts attempts;

    @Inject
    PgConnections connections;

    @Inject
    CmsConfig cms;

    @Inject
    SecretBox secrets;

    private DeliveryWorker worker;

    void start(@Observes StartupEvent e) {
        if (!secrets.configured()) {
            Logger.getLogger(DeliveryWorkers.class).warn("Webhook deliveries are off: " + SecretBox.MISSING);
            return;
        }
        worker = new DeliveryWorker("webhooks", attempts, connections, cms.webhooks());
        worker.start();
    }

    void stop(@Observes ShutdownEvent e) {
        if (worker != null) {
            worker.halt();
        }
    }
}
