package news.masthead.kernel.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps at the precision the API shows and PostgreSQL keeps. */
public final class Clock {

    private Clock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static Instant stored(Instant client) {
        return client == null ? null : client.truncatedTo(ChronoUnit.MICROS);
    }
}
