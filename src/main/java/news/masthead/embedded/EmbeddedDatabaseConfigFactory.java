package news.masthead.embedded;

import io.quarkus.runtime.Application;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import news.masthead.kernel.config.CmsConfig;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Supplies the datasource URL of the embedded PostgreSQL, a generated admin token and webhook key, when the
 * configuration names no external database. Runs before the datasource is created, so the server
 * is up by the time Flyway and Hibernate start.
 */
public class EmbeddedDatabaseConfigFactory implements ConfigSourceFactory {

    static final String SOURCE_NAME = "embedded-postgres";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    /** The AES key sealing webhook signing secrets (32 random bytes, base64url), kept in {@code <data-dir>/webhook-key}. */
    static final String WEBHOOK_KEY = "cms.webhooks.secret-key";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // Quarkus also reads configuration while building; only a running application gets a server.
        if (Application.currentApplication() == null || isSet(context, JDBC_URL)) {
            return List.of();
        }
        Path dataDir = Path.of(value(context, "cms.data-dir", CmsConfig.DATA_DIR));
        boolean fresh = Boolean.parseBoolean(value(context, "cms.embedded.fresh", CmsConfig.EMBEDDED_FRESH));
        boolean durable = Boolean.parseBoolean(value(context, "cms.embedded.durable", CmsConfig.EMBEDDED_DURABLE));

        Platform.require(System.getProperty("os.name"), System.getProperty("os.arch"), Platform.musl());
        Map<String, String> props = new HashMap<>();
        props.put(JDBC_URL, EmbeddedDatabase.start(dataDir, fresh, durable));
        props.put("quarkus.datasource.username", "postgres");
        props.put("quarkus.datasource.password", EmbeddedDatabase.password());
        if (!isSet(context, AdminTokenFile.CONFIG_KEY)) {
            props.put(AdminTokenFile.CONFIG_KEY, AdminTokenFile.readOrCreate(dataDir));
        }
        if (!isSet(context, WEBHOOK_KEY)) {
            props.put(WEBHOOK_KEY, SecretFile.readOrCreate(dataDir.resolve("webhook-key"), ""));
        }
        return List.of(new PropertiesConfigSource(props, SOURCE_NAME, 150));
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        return v != null && v.getValue() != null && !v.getValue().isBlank();
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue v = context.getValue(name);
        return v != null && v.getValue() != null ? v.getValue() : fallback;
    }
}
