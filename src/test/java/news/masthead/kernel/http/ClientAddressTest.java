package news.masthead.kernel.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Plain unit test of the client-address rule (no Quarkus). */
class ClientAddressTest {

    private final ClientAddress none = new ClientAddress(List.of());
    private final ClientAddress proxies = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.1", "2001:db8::/32"));

    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        assertEquals("10.1.2.3", none.resolve("10.1.2.3", List.of("203.0.113.9")));
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertEquals("198.51.100.1", proxies.resolve("198.51.100.1", List.of("203.0.113.9")));
    }

    @Test
    void theRightMostUntrustedEntryIsTheClient() {
        assertEquals("203.0.113.9", proxies.resolve("10.0.0.1", List.of("1.2.3.4, 203.0.113.9, 10.0.0.7")));
        assertEquals("203.0.113.9", proxies.resolve("192.168.1.1", List.of("1.2.3.4", "203.0.113.9,10.2.2.2")));
        assertEquals("203.0.113.9", proxies.resolve("2001:db8::1", List.of("203.0.113.9:4711")));
        assertEquals("2001:db9:0:0:0:0:0:1", proxies.resolve("10.0.0.1", List.of("[2001:db9::1]:443")));
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
        assertEquals("10.0.0.5", proxies.resolve("10.0.0.1", List.of("10.0.0.5, 10.0.0.6")));
        assertEquals("10.0.0.1", proxies.resolve("10.0.0.1", List.of()));
    }

    @Test
    void garbageIsKeptAsTextNeverResolved() {
        assertEquals("localhost", proxies.resolve("10.0.0.1", List.of("localhost")));
        assertEquals("192.168.1.2", proxies.resolve("192.168.1.2", List.of("1.1.1.1")));
    }

    @Test
    void badConfigurationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("proxy.example.org")));
    }
}
