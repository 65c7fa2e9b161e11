import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Masthead webhook receiver in one file, with nothing but a JDK (17 or later): {@code java Receiver.java SECRET_FILE
 * [PORT]}. It listens on 127.0.0.1 (a free port unless one is given) and says where; for each POST it checks the
 * Standard Webhooks signature with the webhook's secret ({@code whsec_...}, read from SECRET_FILE at every request,
 * so a rotated secret needs no restart), answers 204 and prints the keys a front-end would revalidate, or answers
 * 401 to a request that is not signed with the secret or is older than five minutes (a replayed capture).
 */
public class Receiver {

    private static final long TOLERANCE_SECONDS = 5 * 60;

    public static void main(String[] args) throws IOException {
        Path secretFile = Path.of(args[0]);
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/hook", exchange -> receive(exchange, secretFile));
        server.start();
        System.out.println("listening on http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    private static void receive(HttpExchange exchange, Path secretFile) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes(); // verify the raw bytes, before parsing anything
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        boolean valid = Files.exists(secretFile)
                && verified(Files.readString(secretFile).trim(), id, timestamp, body, signature);
        if (valid) {
            String event = new String(body, StandardCharsets.UTF_8);
            // Answer at once and do slow work afterwards: the webhook's next entry waits for this answer. A front-end
            // would revalidate here, e.g. Next.js: revalidateTag(key) for each key.
            System.out.println("verified " + first(event, "type") + " " + first(event, "id") + ", revalidate "
                    + String.join(" ", surrogateKeys(event)));
        } else {
            System.out.println("refused a request without a valid signature");
        }
        exchange.sendResponseHeaders(valid ? 204 : 401, -1);
        exchange.close();
    }

    /** Standard Webhooks: one of the space-separated {@code v1,<base64>} is HMAC-SHA256 of {@code id.timestamp.body}. */
    static boolean verified(String secret, String id, String timestamp, byte[] body, String header) {
        if (id == null || timestamp == null || header == null || !secret.startsWith("whsec_")) {
            return false;
        }
        try {
            if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String candidate : header.split(" ")) {
                if (candidate.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                    return true; // compared in constant time
                }
            }
            return false;
        } catch (IllegalArgumentException | GeneralSecurityException e) { // a malformed timestamp, secret or signature
            return false;
        }
    }

    /** The first string field of this name (the event's own type and id come before its data). */
    private static String first(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    private static List<String> surrogateKeys(String json) {
        List<String> keys = new ArrayList<>();
        Matcher list = Pattern.compile("\"surrogateKeys\":\\[([^\\]]*)]").matcher(json);
        if (list.find()) {
            Matcher key = Pattern.compile("\"([^\"]*)\"").matcher(list.group(1));
            while (key.find()) {
                keys.add(key.group(1));
            }
        }
        return keys;
    }
}
