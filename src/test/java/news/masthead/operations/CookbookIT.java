package news.masthead.operations;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/cookbook.md is run, not just read: the packaged service starts with its demo content in a fresh directory, every
 * bash block between the cookbook markers runs in order in one bash session, and each block's output must match the
 * text or json block shown right after it, once both are masked (see {@link CookbookMasks}).
 */
class CookbookIT {

    private static final Path COOKBOOK = Path.of("docs", "cookbook.md");
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String BLOCK_END = "@@cookbook-block-end@@";

    private static Path dir;
    private static Process service;
    private static String base;

    @BeforeAll
    static void startTheService() throws Exception {
        assertTrue(Files.exists(JAR), JAR + " was not built");
        dir = Files.createDirectories(Path.of("target", "cookbook").toAbsolutePath())
                .resolve("run-" + System.nanoTime());
        Files.createDirectories(dir);
        int port = freePort();
        base = "http://localhost:" + port;
        ProcessBuilder builder = new ProcessBuilder(
                        // As docs/running.md runs it: the demo content loads within the documented heap.
                        javaBinary(),
                        "-Xmx224m",
                        "-XX:+UseG1GC",
                        "-jar",
                        JAR.toAbsolutePath().toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("service.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CMS_") || name.startsWith("QUARKUS_"));
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("CMS_DEMO_CONTENT", "true");
        builder.environment().put("CMS_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true"); // the cookbook's receiver is local
        service = builder.start();
        awaitReady();
    }

    @AfterAll
    static void stopTheService() throws Exception {
        stopTheWebhookReceiver();
        if (service != null) {
            // A graceful stop, so that the embedded PostgreSQL stops with it.
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void everyCookbookBlockPrintsWhatTheCookbookShows() throws Exception {
        List<Cookbook.Block> blocks = Cookbook.parse(Files.readString(COOKBOOK));
        assertTrue(blocks.size() >= 10, "the cookbook has its blocks between the markers: " + blocks.size());
        List<String> outputs = run(blocks);
        Files.writeString(
                dir.resolve("cookbook.actual.md"), Cookbook.withOutputs(Files.readString(COOKBOOK), blocks, outputs));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Cookbook.Block block = blocks.get(i);
            String actual = outputs.get(i);
            if (!CookbookMasks.matches(block.expected(), actual)) {
                failures.add("block " + (i + 1) + " (line " + block.line() + ": " + block.firstCommand()
                        + ")\n--- expected (masked)\n" + CookbookMasks.mask(block.expected())
                        + "\n--- actual (masked)\n" + CookbookMasks.mask(actual));
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + blocks.size() + " cookbook blocks print something else (the whole run: "
                    + dir.resolve("cookbook.actual.md") + ")\n\n" + String.join("\n\n", failures));
        }
    }

    /** The cookbook stops the receiver it started; should it fail before, the receiver must not outlive the test. */
    private static void stopTheWebhookReceiver() throws IOException {
        Path pid = dir == null ? null : dir.resolve("receiver.pid");
        if (pid != null && Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroy);
        }
    }

    /** Runs all blocks in one bash session and returns each block's output (stdout and stderr together). */
    private static List<String> run(List<Cookbook.Block> blocks) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("exec 2>&1\n");
        for (Cookbook.Block block : blocks) {
            script.append(block.script())
                    .append("\nprintf '\\n%s\\n' '")
                    .append(BLOCK_END)
                    .append("'\n");
        }
        Path file = dir.resolve("cookbook.sh");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", file.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("BASE", base);
        builder.environment()
                .put("EXAMPLES", Path.of("docs", "examples").toAbsolutePath().toString());
        // `java` in a block is the JDK running the tests (the webhook receiver is a single-file program).
        builder.environment()
                .put(
                        "PATH",
                        Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
        Process bash = builder.start();
        bash.getOutputStream().close();
        byte[] out = bash.getInputStream().readAllBytes();
        assertTrue(bash.waitFor(5, TimeUnit.MINUTES), "the cookbook ends");
        String text = new String(out, StandardCharsets.UTF_8).replace(base, "http://localhost:8080");
        List<String> outputs = new ArrayList<>(List.of(text.split("\n?" + BLOCK_END + "\n", -1)));
        assertEquals("", outputs.remove(outputs.size() - 1), "nothing runs after the last block");
        assertEquals(blocks.size(), outputs.size(), "every block ran to its end:\n" + text);
        return outputs;
    }

    private static void awaitReady() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertTrue(service.isAlive(), () -> "the service stopped: " + log());
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        fail("the service was not ready within 180 s: " + log());
    }

    private static String log() {
        try {
            return Files.readString(dir.resolve("service.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
