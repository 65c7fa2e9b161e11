package news.masthead.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a webhook may point. Requests go out from inside the network, so a url must not reach the service's own
 * machine or private network (server-side request forgery): every address its host resolves to must be public. Checked
 * when the url is saved and again before each attempt, since a name can be pointed elsewhere later (DNS rebinding);
 * the attempt then connects to the very address that was checked ({@link Target}), so a second, different answer to
 * the HTTP client's own lookup cannot slip a private address in.
 */
final class Destination {

    /** Why a url may not be called. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * A url resolved and checked once: connect to {@code address}, while the Host header, TLS server name (SNI) and
     * the name the certificate must match stay the url's host.
     */
    record Target(URI uri, InetAddress address) {

        String host() {
            String host = uri.getHost();
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        }

        boolean https() {
            return uri.getScheme().equalsIgnoreCase("https");
        }

        int port() {
            return uri.getPort() >= 0 ? uri.getPort() : https() ? 443 : 80;
        }

        /** The Host header: the url's authority as written. */
        String authority() {
            return uri.getRawAuthority();
        }

        String pathAndQuery() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    private Destination() {}

    /** Checks {@code url} when it is saved. Only the scheme is checked when private addresses are allowed. */
    static void check(String url, boolean allowPrivate, HostResolver dns) throws Refused {
        URI uri = parse(url);
        if (!allowPrivate) {
            resolve(uri, false, dns);
        }
    }

    /** Resolves {@code url} once for an attempt: the address to connect to, checked unless private ones are allowed. */
    static Target target(String url, boolean allowPrivate, HostResolver dns) throws Refused {
        URI uri = parse(url);
        return new Target(uri, resolve(uri, allowPrivate, dns));
    }

    private static URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")
                || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            throw new Refused("must be an http or https URL with a host and no user info");
        }
        return uri;
    }

    /** The first address of the url's host; every one must be public unless private ones are allowed. */
    private static InetAddress resolve(URI uri, boolean allowPrivate, HostResolver dns) throws Refused {
        String host = new Target(uri, null).host();
        InetAddress[] addresses;
        try {
            addresses = dns.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("names a host that does not resolve: " + host);
        }
        if (addresses.length == 0) {
            throw new Refused("names a host that does not resolve: " + host);
        }
        for (InetAddress a : addresses) {
            if (!allowPrivate && !isPublic(a)) {
                throw new Refused(
                        "resolves to " + a.getHostAddress() + ", a loopback, private, link-local, multicast or "
                                + "unspecified address (allowed only with cms.webhooks.allow-private-addresses=true)");
            }
        }
        return addresses[0];
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
