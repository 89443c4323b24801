package dev.paymux.onchain.evm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Hardhat 2 node on a free loopback port, run from the fixture folder {@code src/test/evm} as one
 * {@code node} process, so closing it stops it by its pid. Runs {@code npm ci} there first when
 * {@code node_modules} is missing (a fresh clone). A JVM shutdown hook stops the node too, should a test
 * run end without closing it.
 */
public final class HardhatNode implements AutoCloseable {

    /** The fixture folder: this module's, also when another module's tests (run from that module) use it. */
    public static final Path FIXTURE = fixture();
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread shutdownHook;

    private static Path fixture() {
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path own = base.resolve("src/test/evm");
        return Files.isDirectory(own) ? own : base.resolveSibling("adapters").resolve("native/src/test/evm");
    }

    private HardhatNode(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "hardhat-node-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static HardhatNode start() throws IOException, InterruptedException {
        requireNode();
        installIfMissing();
        int port = freePort();
        Path log = Files.createTempFile("hardhat-" + port + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder("node", "node_modules/hardhat/internal/cli/bootstrap.js", "node",
                "--hostname", "127.0.0.1", "--port", Integer.toString(port))
                .directory(FIXTURE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("HARDHAT_DISABLE_TELEMETRY_PROMPT", "true");
        HardhatNode node = new HardhatNode(builder.start(), port, log);
        try {
            node.awaitChainId();
            return node;
        } catch (IOException | InterruptedException | RuntimeException e) {
            node.close();
            throw e;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitChainId() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url()))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("hardhat node exited: " + logText());
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"result\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the node is still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("hardhat node did not answer eth_chainId within " + STARTUP + ": " + logText());
    }

    /**
     * The chain needs Node.js. On a developer machine without it these tests are skipped with a clear
     * message, so {@code mvn verify} still works with only a JDK and Maven; in CI ({@code CI=true}), which
     * installs Node.js, a missing Node.js is a failure, never a skip.
     */
    private static void requireNode() throws InterruptedException {
        boolean present;
        try {
            present = new ProcessBuilder("node", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present) {
            String why = "Node.js is not installed: the Hardhat chain tests need it (node and npm on the PATH)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            org.junit.jupiter.api.Assumptions.abort(why);
        }
    }

    private static void installIfMissing() throws IOException, InterruptedException {
        if (Files.isDirectory(FIXTURE.resolve("node_modules").resolve("hardhat"))) {
            return;
        }
        Path log = Files.createTempFile("npm-ci-", ".log");
        Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
                .directory(FIXTURE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!npm.waitFor(10, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci in " + FIXTURE + " did not finish in 10 minutes");
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci in " + FIXTURE + " failed: " + Files.readString(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing left to do
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a leftover temp log is harmless
        }
    }
}
