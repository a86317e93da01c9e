package io.github.wschat.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link ChatServerMain} as a process of its own, as the container runs it: this JVM's class path, an environment
 * of only the given variables (and {@code PATH}), its stdout and stderr (the JSON log lines) written to a file that
 * the test reads once the process has ended.
 */
final class ServerProcess implements AutoCloseable {

    final Process process;
    final int port;
    private final Path output;

    private ServerProcess(Process process, int port, Path output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** A port free a moment ago, for {@code PORT}. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static ServerProcess start(Map<String, String> environment) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = Files.createTempFile("chat-server-", ".log");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ChatServerMain.class.getName()).redirectErrorStream(true).redirectOutput(output.toFile());
        String path = System.getenv("PATH");
        builder.environment().clear();
        if (path != null) {
            builder.environment().put("PATH", path);
        }
        builder.environment().putAll(environment);
        String port = environment.getOrDefault(ServerSettings.PORT, "0");
        return new ServerProcess(builder.start(), Integer.parseInt(port), output);
    }

    /** Whether a connection to the port is refused now. */
    boolean refuses() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Tries to connect until the port accepts (the server is up), at most {@code timeout}. */
    void awaitAccepting(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (refuses()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the server does not accept on " + port + "; its output:\n" + output());
            }
            Thread.onSpinWait();
        }
    }

    /** Tries to connect until one is refused (the listening socket closed), at most {@code timeout}. */
    void awaitRefusing(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!refuses()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server still accepts on " + port + "; its output:\n" + output());
            }
            Thread.onSpinWait();
        }
    }

    /** The exit code, waiting at most {@code timeout}. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "; its output:\n" + output());
        }
        return process.exitValue();
    }

    /** Everything written so far. */
    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(output);
    }
}
