package news.masthead.kernel.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address of the client behind a request: the TCP peer, unless forwarding is on
 * ({@code quarkus.http.proxy.proxy-address-forwarding}) and the peer is one of the proxies of
 * {@code quarkus.http.proxy.trusted-proxies} (addresses or CIDR blocks) — the one list of trusted proxies, also
 * the one Quarkus believes forwarded scheme, host and prefix from. Then X-Forwarded-For is read from the right,
 * skipping trusted proxies, and the first untrusted entry is the client: entries further left were written by the
 * client itself and prove nothing. (Quarkus' own remote address is the left-most entry, so the peer is taken from
 * the connection.)
 */
@ApplicationScoped
public class ClientAddress {

    static final String TRUSTED_PROXIES = "quarkus.http.proxy.trusted-proxies";
    private static final Logger LOG = Logger.getLogger(ClientAddress.class);

    private final List<Cidr> trusted;

    @Inject
    ClientAddress(
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
                    boolean forwarding,
            @ConfigProperty(name = TRUSTED_PROXIES) Optional<List<String>> trustedProxies) {
        this(forwarding ? trustedProxies.orElse(List.of()) : List.of());
        if (forwarding && trusted.isEmpty()) {
            LOG.warnf(
                    "Proxy forwarding is on but %s is empty: Quarkus then believes forwarded headers from any peer, "
                            + "and the comment rate limit counts the TCP peer. Name your proxies there.",
                    TRUSTED_PROXIES);
        }
    }

    /** For tests and tools: a resolver trusting these addresses and blocks. */
    public ClientAddress(List<String> trustedProxies) {
        List<Cidr> list = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                list.add(Cidr.parse(entry.trim()));
            }
        }
        this.trusted = List.copyOf(list);
    }

    public String of(HttpServerRequest request) {
        SocketAddress peer = request.connection() == null
                ? request.remoteAddress()
                : request.connection().remoteAddress();
        return resolve(
                peer == null ? "unknown" : peer.hostAddress(), request.headers().getAll("X-Forwarded-For"));
    }

    /** The client given the TCP peer's address and the X-Forwarded-For header lines, in order. */
    public String resolve(String peer, List<String> forwardedFor) {
        InetAddress peerAddress = Ip.parse(peer);
        if (peerAddress == null || !isTrusted(peerAddress)) {
            return Ip.canonical(peer, peerAddress);
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        String client = Ip.canonical(peer, peerAddress);
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = Ip.stripPort(hops.get(i));
            InetAddress address = Ip.parse(hop);
            client = Ip.canonical(hop, address);
            if (address == null || !isTrusted(address)) {
                return client;
            }
        }
        return client; // every hop is a trusted proxy: the left-most one is as far as we can see
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr c : trusted) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An address block: an address and how many leading bits must match. */
    record Cidr(byte[] network, int bits) {
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = Ip.parse(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException(TRUSTED_PROXIES + ": '" + text
                        + "' is not an IP address or CIDR block (names are never resolved)");
            }
            int max = address.getAddress().length * 8;
            int bits = max;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > max) {
                    throw new IllegalArgumentException(TRUSTED_PROXIES + ": '" + text + "' has a bad prefix length");
                }
            }
            return new Cidr(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (a[full] & mask) == (network[full] & mask);
        }
    }

    /** IP literals only: never a DNS lookup. */
    static final class Ip {
        private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
        private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z._-]+)?");
        private static final Pattern V4_PORT = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}):\\d{1,5}");
        private static final Pattern V6_BRACKETS = Pattern.compile("\\[([^]]+)](:\\d{1,5})?");

        private Ip() {}

        static InetAddress parse(String text) {
            if (text == null
                    || text.length() > 100
                    || !(V4.matcher(text).matches() || V6.matcher(text).matches())) {
                return null;
            }
            try {
                return InetAddress.getByName(text); // a literal: parsed, not resolved
            } catch (UnknownHostException | SecurityException e) {
                return null;
            }
        }

        /** "203.0.113.7:4711" → "203.0.113.7", "[2001:db8::1]:443" → "2001:db8::1"; anything else as is. */
        static String stripPort(String hop) {
            var v4 = V4_PORT.matcher(hop);
            if (v4.matches()) {
                return v4.group(1);
            }
            var v6 = V6_BRACKETS.matcher(hop);
            return v6.matches() ? v6.group(1) : hop;
        }

        /** One spelling per address (so ::1 and 0:0:0:0:0:0:0:1 count together); unparsable text, shortened. */
        static String canonical(String text, InetAddress address) {
            if (address != null) {
                return address.getHostAddress().toLowerCase(Locale.ROOT);
            }
            return text.length() > 64 ? text.substring(0, 64) : text;
        }
    }
}
