package news.masthead.embedded;

import java.nio.file.Path;

/** The admin token generated for the embedded default, kept in {@code <data-dir>/admin-token} (owner-only, see SecretFile). */
public final class AdminTokenFile {

    public static final String CONFIG_KEY = "cms.admin-token";
    public static final String FILE_NAME = "admin-token";

    private AdminTokenFile() {}

    static String readOrCreate(Path dataDir) {
        return SecretFile.readOrCreate(dataDir.resolve(FILE_NAME), "mh_");
    }

    public static Path location(String dataDir) {
        return Path.of(dataDir).resolve(FILE_NAME).toAbsolutePath();
    }
}
