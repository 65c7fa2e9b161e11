package news.masthead.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated admin token (and the database password, same mechanism) on disk (no Quarkus). */
class SecretFileTest {

    @TempDir
    Path dataDir;

    @Test
    void theAdminTokenIsCreatedOwnerOnlyAndKept() throws Exception {
        String token = AdminTokenFile.readOrCreate(dataDir);
        Path file = dataDir.resolve(AdminTokenFile.FILE_NAME);
        assertTrue(token.matches("mh_[A-Za-z0-9_-]{43}"), token);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(token + "\n", Files.readString(file));
        assertEquals(token, AdminTokenFile.readOrCreate(dataDir));
        try (var files = Files.list(dataDir)) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }

    @Test
    void anEmptyTokenFileOrTemporaryFileLeftByACrashIsReplaced() throws Exception {
        Path file = dataDir.resolve(AdminTokenFile.FILE_NAME);
        Files.writeString(file, "");
        Path leftover = Files.writeString(dataDir.resolve(".admin-token-123.tmp"), "mh_half");
        String token = AdminTokenFile.readOrCreate(dataDir);
        assertTrue(token.startsWith("mh_") && token.length() > 40, token);
        assertEquals(token + "\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(Files.exists(leftover));
    }
}
