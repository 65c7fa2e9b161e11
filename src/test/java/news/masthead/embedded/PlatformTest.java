package news.masthead.embedded;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which machines the embedded default runs on, and that their binaries ship with the app (no Quarkus). */
class PlatformTest {

    @Test
    void commonDeveloperMachinesAreCovered() {
        assertEquals(Optional.of("linux-amd64"), Platform.of("Linux", "amd64", false));
        assertEquals(Optional.of("linux-arm64v8"), Platform.of("Linux", "aarch64", false));
        assertEquals(Optional.of("darwin-amd64"), Platform.of("Mac OS X", "x86_64", false));
        assertEquals(Optional.of("darwin-arm64v8"), Platform.of("Mac OS X", "aarch64", false));
        assertEquals(Optional.of("windows-amd64"), Platform.of("Windows 11", "amd64", false));
    }

    @Test
    void otherMachinesFailWithOneLineNamingTheExternalDatabaseSetting() {
        assertEquals(Optional.empty(), Platform.of("Linux", "amd64", true));
        assertEquals(Optional.empty(), Platform.of("Linux", "ppc64le", false));
        assertEquals(Optional.empty(), Platform.of("Windows 11", "aarch64", false));
        assertEquals(Optional.empty(), Platform.of("FreeBSD", "amd64", false));
        String message = assertThrows(IllegalStateException.class, () -> Platform.require("FreeBSD", "amd64", false))
                .getMessage();
        assertEquals(
                "The embedded PostgreSQL has no binaries for FreeBSD amd64; it covers linux-amd64, linux-arm64v8, "
                        + "darwin-amd64, darwin-arm64v8, windows-amd64. Set QUARKUS_DATASOURCE_JDBC_URL to an external PostgreSQL 14 or newer.",
                message);
        assertFalse(message.contains("\n"));
        assertEquals("linux-amd64", Platform.require("Linux", "x86_64", false));
    }

    @Test
    void everyCoveredPlatformHasItsBinariesOnTheRuntimeClasspath() {
        // Resource names of the zonky binary jars: postgres-<os>-<arch>.txz
        Map<String, String> resources = Map.of(
                "linux-amd64",
                "postgres-linux-x86_64.txz",
                "linux-arm64v8",
                "postgres-linux-arm_64.txz",
                "darwin-amd64",
                "postgres-darwin-x86_64.txz",
                "darwin-arm64v8",
                "postgres-darwin-arm_64.txz",
                "windows-amd64",
                "postgres-windows-x86_64.txz");
        assertEquals(resources.keySet(), Set.copyOf(Platform.COVERED));
        ClassLoader loader = Platform.class.getClassLoader();
        resources.forEach(
                (platform, resource) -> assertNotNull(loader.getResource(resource), platform + ": no " + resource));
        assertTrue(
                loader.getResource("postgres-linux-x86_64-alpine_linux.txz") == null,
                "Alpine binaries are not shipped");
    }
}
