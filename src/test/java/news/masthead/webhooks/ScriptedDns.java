package news.masthead.webhooks;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resolver in tests: names under the reserved .test domain (which no real DNS answers) resolve as a test scripts
 * them, as a rebinding DNS server would; every other name goes to the system resolver, as in production.
 */
@Alternative
@Priority(1)
@ApplicationScoped
class ScriptedDns extends HostResolver {

    private static final Map<String, InetAddress[]> ANSWERS = new ConcurrentHashMap<>();

    /** From now on {@code host} (ending in .test) resolves to these literal addresses. */
    static void answer(String host, String... addresses) {
        if (!host.endsWith(".test")) {
            throw new IllegalArgumentException("only .test names are scripted: " + host);
        }
        InetAddress[] a = new InetAddress[addresses.length];
        try {
            for (int i = 0; i < a.length; i++) {
                a[i] = InetAddress.getByName(addresses[i]); // a literal: no lookup
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
        ANSWERS.put(host, a);
    }

    static void forget(String host) {
        ANSWERS.remove(host);
    }

    @Override
    InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] scripted = ANSWERS.get(host);
        return scripted != null ? scripted.clone() : super.resolve(host);
    }
}
