package news.masthead.webhooks;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import news.masthead.kernel.config.CmsConfig;

/** Runs this instance's delivery loop from start to shutdown. */
@ApplicationScoped
class DeliveryWorkers {

    @Inject
    Attempts attempts;

    @Inject
    PgConnections connections;

    @Inject
    CmsConfig cms;

    private DeliveryWorker worker;

    void start(@Observes StartupEvent e) {
        worker = new DeliveryWorker("webhooks", attempts, connections, cms.webhooks());
        worker.start();
    }

    void stop(@Observes ShutdownEvent e) {
        if (worker != null) {
            worker.halt();
        }
    }
}
