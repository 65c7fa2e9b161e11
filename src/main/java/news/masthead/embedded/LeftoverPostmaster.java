package news.masthead.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A JVM killed with SIGKILL leaves its postgres running and holding postmaster.pid. Called with the instance lock
 * held, so no live instance uses the cluster: a postgres whose pid file names this data directory (line 2) is
 * such a leftover and is stopped; a pid file naming a dead process, a process that is not postgres, or another
 * directory (a copied cluster) is stale and removed. The pid file of a live server is never removed.
 */
final class LeftoverPostmaster {

    private LeftoverPostmaster() {}

    static void stop(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postgres = lines.stream()
                .findFirst()
                .map(String::trim)
                .filter(s -> s.matches("\\d{1,10}"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(p -> p.info()
                        .command()
                        .map(c -> c.endsWith("postgres") || c.endsWith("postgres.exe"))
                        .orElse(false));
        if (postgres.isPresent()
                && lines.size() > 1
                && sameDirectory(Path.of(lines.get(1).trim()), cluster)) {
            ProcessHandle process = postgres.get();
            process.destroy(); // SIGTERM: smart shutdown, immediate as a dead JVM's server has no clients
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while stopping the leftover postgres " + process.pid(), e);
            } catch (ExecutionException | TimeoutException e) {
                process.destroyForcibly();
                process.onExit().join();
            }
        }
        // Gone by now (postgres removes it on shutdown) unless it was stale, or its server was killed.
        Files.deleteIfExists(pidFile);
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
