package news.masthead.comments;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.publishedArticle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With no trusted proxy (the default), X-Forwarded-For is ignored: the TCP peer is the client that is counted. */
@QuarkusTest
class ClientAddressPeerTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() throws Exception {
        String spoofed = "203.0.113." + (int) (Math.random() * 250 + 1);
        anonymous()
                .header("X-Forwarded-For", spoofed)
                .body(Map.of("authorName", "Spoofer", "authorEmail", "s@example.org", "body", "hi"))
                .post("/api/v1/articles/" + publishedArticle() + "/comments")
                .then()
                .statusCode(201);
        assertEquals(0, windows(spoofed));
        assertTrue(windows("127.0.0.1") + windows("0:0:0:0::/64") >= 1, "the loopback peer was not counted");
    }

    private int windows(String client) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select count(*) from comment_rate_windows where client = ?")) {
            ps.setString(1, client);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
