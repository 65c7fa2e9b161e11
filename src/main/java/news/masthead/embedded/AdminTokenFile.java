package news.masthead.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The admin token generated for the embedded default, kept in {@code <data-dir>/admin-token}. */
public final class AdminTokenFile {

    public static final String CONFIG_KEY = "cms.admin-token";
    public static final String FILE_NAME = "admin-token";

    private AdminTokenFile() {
    }

    static String readOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String token = "mh_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.createDirectories(dataDir);
            Files.writeString(file, token + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + file, e);
        }
    }

    public static Path location(String dataDir) {
        return Path.of(dataDir).resolve(FILE_NAME).toAbsolutePath();
    }
}
