package news.masthead.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The machines the bundled PostgreSQL binaries run on (see pom.xml); anywhere else, an external database is needed. */
final class Platform {

    static final List<String> COVERED =
            List.of("linux-amd64", "linux-arm64v8", "darwin-amd64", "darwin-arm64v8", "windows-amd64");

    private Platform() {}

    /** The covered platform of these {@code os.name} and {@code os.arch} values, if any; musl (Alpine) Linux is not covered. */
    static Optional<String> of(String osName, String osArch, boolean musl) {
        String os = osName.toLowerCase(Locale.ROOT);
        String family = os.startsWith("linux")
                ? (musl ? null : "linux")
                : os.startsWith("mac") || os.startsWith("darwin")
                        ? "darwin"
                        : os.startsWith("windows") ? "windows" : null;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "amd64";
            case "aarch64", "arm64" -> "arm64v8";
            default -> null;
        };
        String platform = family + "-" + arch;
        return family != null && arch != null && COVERED.contains(platform) ? Optional.of(platform) : Optional.empty();
    }

    /** Alpine and other musl-based Linux: the bundled binaries need glibc. */
    static boolean musl() {
        return Files.exists(Path.of("/etc/alpine-release"));
    }

    /** Fails with one line naming the way out when this machine is not covered. */
    static String require(String osName, String osArch, boolean musl) {
        return of(osName, osArch, musl)
                .orElseThrow(() -> new IllegalStateException("The embedded PostgreSQL has no binaries for "
                        + osName + " " + osArch + (musl ? " (musl)" : "") + "; it covers " + String.join(", ", COVERED)
                        + ". Set QUARKUS_DATASOURCE_JDBC_URL to an external PostgreSQL 14 or newer."));
    }
}
