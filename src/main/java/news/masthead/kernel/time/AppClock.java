package news.masthead.kernel.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The application's time, at the precision the API shows and PostgreSQL keeps: the times it stores (createdAt,
 * updatedAt, a publishing time it fills in). It reads the {@link Clock} bean, which a test may replace
 * (see {@link Clocks}). Whether something is visible yet is never decided here but by the database's clock
 * ({@code now()}), the same for every instance.
 */
@ApplicationScoped
public class AppClock {

    @Inject
    Clock clock;

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A time a client sent, at the precision PostgreSQL keeps. */
    public static Instant stored(Instant client) {
        return client == null ? null : client.truncatedTo(ChronoUnit.MICROS);
    }
}
