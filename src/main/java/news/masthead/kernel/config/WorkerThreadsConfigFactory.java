package news.masthead.kernel.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;

/**
 * Sizes the worker pool that runs requests to {@value #PER_CORE} threads a core (Quarkus's default is 200): 64 callers at
 * once then wait their turn in the pool's queue, first come first served, instead of 64 threads sharing two cores,
 * each request as slow as all of them together. Every request's work is short (a statement takes milliseconds;
 * image renders run on their own threads), so a few threads a core keep the cores and the database busy. On 2 cores
 * with 64 callers walking every article of 10k: p99 62-86 ms with 200 threads, 41 ms with 12, same throughput; lists
 * of 20 at 100k (newest, by tag): p99 53-64 ms with 12, 43-49 ms with 8, 40-44 ms with 6 (which lost 5% of their rate).
 * Any setting of {@code quarkus.thread-pool.max-threads} (properties, environment) wins over this one.
 */
public class WorkerThreadsConfigFactory implements ConfigSourceFactory {

    static final int PER_CORE = 4;
    /** Below application.properties (250) and the environment (300), above Quarkus's own default. */
    private static final int ORDINAL = 100;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        int threads = PER_CORE * Runtime.getRuntime().availableProcessors();
        return List.of(new PropertiesConfigSource(
                Map.of("quarkus.thread-pool.max-threads", String.valueOf(threads)), "worker-threads", ORDINAL));
    }
}
