package news.masthead.kernel.time;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static news.masthead.Api.person;
import static news.masthead.Api.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The times the application stores come from the Clock bean, which a test replaces (here with a fixed one). */
@QuarkusTest
@TestProfile(InjectedClockTest.FixedTime.class)
class InjectedClockTest {

    static final Instant FIXED = Instant.parse("2001-02-03T04:05:06.789123456Z");

    public static class FixedTime implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FixedClock.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cms.data-dir", "target/test-data-clock");
        }
    }

    @Alternative
    @Singleton
    public static class FixedClock {
        @Produces
        @Singleton
        Clock fixed() {
            return Clock.fixed(FIXED, ZoneOffset.UTC);
        }
    }

    @Test
    void storedTimesAreTheInjectedClocksToTheMillisecond() {
        String id = person("Clock Watcher");
        var body = read("people", id);
        assertEquals("2001-02-03T04:05:06.789Z", body.path("createdAt"));
        assertEquals("2001-02-03T04:05:06.789Z", body.path("updatedAt"));
    }
}
