package news.masthead.webhooks;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The addresses a webhook's host name resolves to: the system resolver (a separate bean so tests can script answers). */
@ApplicationScoped
class HostResolver {

    InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
