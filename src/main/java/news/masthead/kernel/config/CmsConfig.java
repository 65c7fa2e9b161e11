package news.masthead.kernel.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Masthead's own settings, {@code cms.*}, with their defaults: the one place both are written. Set any of them
 * in application.properties, as a system property ({@code -Dcms.demo-content=false}) or as an environment variable
 * (upper case, {@code .} and {@code -} as {@code _}: {@code CMS_DEMO_CONTENT=false}). An unknown {@code cms.*}
 * property fails the start.
 */
@ConfigMapping(prefix = "cms")
public interface CmsConfig {

    /** The default of {@link #dataDir()}, also read before this mapping exists (by the embedded database's config source). */
    String DATA_DIR = "data";
    /** The default of {@link Embedded#fresh()}, read as {@link #DATA_DIR} is. */
    String EMBEDDED_FRESH = "false";
    /** The default of {@link Embedded#durable()}, read as {@link #DATA_DIR} is. */
    String EMBEDDED_DURABLE = "true";

    /**
     * Directory (relative to the working directory) of the embedded PostgreSQL cluster ({@code pg/}) and the
     * generated {@code admin-token}. Unused with an external database.
     */
    @WithDefault(DATA_DIR)
    String dataDir();

    /** The embedded PostgreSQL, used when no JDBC URL is configured. */
    Embedded embedded();

    /**
     * A bearer token with the admin role. Generated into {@code <data-dir>/admin-token} on the embedded database;
     * none otherwise.
     */
    Optional<String> adminToken();

    /** Load the demo content at startup into a database that holds no articles, people or places. */
    @WithDefault("true")
    boolean demoContent();

    /** Limits on the database's time per request. */
    Db db();

    /** HTTP caching headers. */
    Http http();

    /** Cross-origin writes from browsers. */
    Cors cors();

    /** Limits on anonymous comments. */
    Comments comments();

    /** List totals. */
    Lists lists();

    /** Ranked full-text search. */
    Search search();

    /** The in-memory cache of rendered reads. */
    ReadCache readCache();

    interface Embedded {

        /** Start from an empty cluster, deleting the one in the data directory (tests). */
        @WithDefault(EMBEDDED_FRESH)
        boolean fresh();

        /** fsync and synchronous commit on; only tests turn them off, for speed. */
        @WithDefault(EMBEDDED_DURABLE)
        boolean durable();
    }

    interface Db {

        /**
         * Longest any statement of a request's transaction may run (SET LOCAL statement_timeout); a query cut by it
         * answers 503 with Retry-After. Zero turns it off. The transaction's socket is given up 3 s after it, so a
         * half-open connection cannot hang a request; migrations run without either limit.
         */
        @WithDefault("2s")
        Duration statementTimeout();

        /** Longest a request waits for the read cache's shared data-version read (it has its own connection), then 503. */
        @WithDefault("3s")
        Duration versionWait();
    }

    interface Http {

        /** {@code Cache-Control: public, max-age} (seconds) of anonymous reads; anything sent with a token is private. */
        @WithDefault("60")
        int publicMaxAge();
    }

    interface Cors {

        /** Browser origins allowed to write (comma-separated); reads are open to every origin. */
        Optional<List<String>> writeOrigins();
    }

    interface Comments {

        /**
         * Anonymous comment posts per client address (IPv6: per /64) in any 60 seconds, counted in PostgreSQL and so
         * shared by all instances; over it, 429 with Retry-After.
         */
        @WithDefault("5")
        int rateLimit();

        /** Comments of one article awaiting moderation; beyond it new ones get 429 with Retry-After. */
        @WithDefault("100")
        int maxPendingPerArticle();
    }

    interface Lists {

        /** Rows a list total counts at most; past it the total is the planner's estimate, flagged as such. */
        @WithDefault("10000")
        long totalCap();
    }

    interface Search {

        /** Matches a ranked search (q without sort) orders by relevance: the first ones in its candidate order. */
        @WithDefault("1000")
        int rankCandidates();
    }

    interface ReadCache {

        /** Memory (bytes) for rendered pages, articles and list totals; 0 turns the cache off. */
        @WithDefault("33554432")
        long maxBytes();
    }
}
