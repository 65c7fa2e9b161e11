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

    Images images();

    /** Webhook subscriptions and their deliveries (docs/webhooks.md). */
    Webhooks webhooks();

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

        /**
         * Longest a request waits for the read cache's shared data-version read (it has its own connection), then 503;
         * checked every tenth of it, at most every 100 ms.
         */
        @WithDefault("3s")
        Duration versionWait();
    }

    interface Http {

        /** {@code Cache-Control: public, max-age} (seconds) of anonymous reads; anything sent with a token is private. */
        @WithDefault("60")
        int publicMaxAge();

        /** {@code stale-while-revalidate} (seconds) of anonymous reads: a CDN may answer with its copy while it refetches. */
        @WithDefault("60")
        int staleWhileRevalidate();

        /** {@code stale-if-error} (seconds) of anonymous reads: a CDN may answer with its copy while the origin fails. */
        @WithDefault("86400")
        int staleIfError();
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

        /**
         * Rows a search's total (q) counts at most; past it the total is the planner's estimate, flagged as such. Lower
         * than lists': a common word matches most of an archive, and counting its matches checks every one of them.
         */
        @WithDefault("1000")
        long totalCap();
    }

    interface ReadCache {

        /** Memory (bytes) for rendered pages, articles and list totals; 0 turns the cache off. */
        @WithDefault("100663296")
        long maxBytes();
    }

    interface Images {

        /** Largest image upload in bytes (the file; a multipart body may be a little larger); over it 413. */
        @WithDefault("26214400")
        long maxBytes();

        /** The only widths and heights a rendition may have: no caller can make the server render arbitrary sizes. */
        @WithDefault("160,320,640,960,1280,1920,2560")
        List<Integer> widths();

        /** Heap (bytes) for encoded renditions, least recently used dropped first; sized for the documented 224 MB heap. */
        @WithDefault("16777216")
        long cacheBytes();

        /** Renditions decoded at the same time; the others wait (all of them together hold at most 8 million decoded pixels). */
        @WithDefault("2")
        int concurrentDecodes();

        /** Largest picture accepted, in pixels (width × height): a small file can claim a huge canvas. */
        @WithDefault("120000000")
        long maxPixels();
    }

    interface Webhooks {

        /**
         * AES-256 key (32 bytes, base64 or base64url) sealing the signing secrets at rest. The embedded database
         * generates one into {@code <data-dir>/webhook-key}; with an external database it must be given, the same on
         * every instance; without one, creating, rotating or pinging a webhook answers 503 and nothing is delivered.
         */
        Optional<String> secretKey();

        /** Deliver to urls resolving to loopback, private, link-local, multicast or unspecified addresses (tests). */
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /** An attempt without an answer within this time fails. */
        @WithDefault("10s")
        Duration timeout();

        /** The wait before the first retry; it doubles (±20% jitter) up to {@link #retryMaxDelay()}. */
        @WithDefault("5s")
        Duration retryInitialDelay();

        /** The longest wait between two attempts. */
        @WithDefault("1h")
        Duration retryMaxDelay();

        /** How long a failing entry is retried before the webhook is deactivated, with the reason on it. */
        @WithDefault("24h")
        Duration retryFor();

        /** Deliveries wake on LISTEN/NOTIFY at each commit; this poll is the fallback and the pace of due retries. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** Webhooks served at once by one instance (each worker has its own database connection, outside the pool). */
        @WithDefault("4")
        int workers();

        /** How long the delivery log is kept. */
        @WithDefault("7d")
        Duration deliveryRetention();
    }
}
