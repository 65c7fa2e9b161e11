package news.masthead.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may point. Requests go out from inside the network, so a url must not reach the service's own
 * machine or private network (server-side request forgery): every address its host resolves to must be public. Checked
 * when the url is saved and again before each attempt, since a name can be pointed elsewhere later (DNS rebinding).
 */
final class Destination {

    private Destination() {}

    /** Why {@code url} may not be called; empty when it may. Only the scheme is checked when private addresses are allowed. */
    static Optional<String> refusal(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")
                || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            return Optional.of("must be an http or https URL with a host and no user info");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve: " + host);
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                return Optional.of(
                        "resolves to " + a.getHostAddress() + ", a loopback, private, link-local, multicast or "
                                + "unspecified address (allowed only with cms.webhooks.allow-private-addresses=true)");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT, 100.64.0.0/10
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking, 198.18.0.0/15
                    && first < 240; // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // unique local, fc00::/7
                return false;
            }
            InetAddress embedded = embeddedIpv4(b);
            return embedded == null || isPublic(embedded);
        }
        return false;
    }

    /** The IPv4 address inside an IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static InetAddress embeddedIpv4(byte[] b) {
        try {
            boolean zeros = true;
            for (int i = 0; i < 12; i++) {
                zeros &= b[i] == 0;
            }
            boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            if (zeros || nat64) {
                return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]});
            }
            return null;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
