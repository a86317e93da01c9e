package io.github.wschat.benchmarks.server;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link FanOutServer} in a child JVM on this JVM's classpath, started with {@code TABLE_NAME} set (and the
 * room tables' names, for the rooms benchmark) and the JVM options of the SAM template that matter here
 * ({@code -Dhttp.maxConnections=32}). Its log goes to a file; {@link #close()} closes its standard input,
 * which ends it.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final URI webSocketUri;
    private final URI dynamoDbEndpoint;
    private final String tableName;

    private ServerProcess(Process process, URI webSocketUri, URI dynamoDbEndpoint, String tableName) {
        this.process = process;
        this.webSocketUri = webSocketUri;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.tableName = tableName;
    }

    /** Starts a server for the template with the table {@code tableName}; waits until it serves. */
    public static ServerProcess start(Path template, String tableName, Path log) throws IOException, InterruptedException {
        return start(template, Map.of("TABLE_NAME", tableName), List.of(), log);
    }

    /**
     * Starts a server for the template with {@code environment} (which names the connections table in
     * {@code TABLE_NAME}, and may name the room tables as the example reads them) and {@code classpathFirst}
     * ahead of this JVM's classpath; waits until it serves.
     */
    public static ServerProcess start(Path template, Map<String, String> environment, List<Path> classpathFirst, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx3g",
                // as the SAM template's JAVA_TOOL_OPTIONS: keep 32 idle connections to @connections
                "-Dhttp.maxConnections=32",
                // the gateway's access log would write a line per event: 10,000 per broadcast phase
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        // e.g. -Dbench.serverJvmArgs=-XX:StartFlightRecording=filename=server.jfr to profile the server
        String extra = System.getProperty("bench.serverJvmArgs", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        String classpath = Stream.concat(classpathFirst.stream().map(Path::toString),
                Stream.of(System.getProperty("java.class.path"))).collect(Collectors.joining(File.pathSeparator));
        command.addAll(List.of("-cp", classpath, FanOutServer.class.getName(), template.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // room tables named in the driver's own environment (a shell that ran run-local-chat.sh's exports) would turn
        // rooms on in every server: only the caller's environment names them
        builder.environment().keySet().removeAll(List.of("MEMBERSHIPS_TABLE_NAME", "MESSAGES_TABLE_NAME"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readyLine(process));
        try {
            String[] parts = ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).split(" ");
            return new ServerProcess(process, URI.create(parts[1]), URI.create(parts[2]), parts[3]);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the benchmark server did not start; see " + log, e);
        }
    }

    private static String readyLine(Process process) {
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("READY ")) {
                    return line;
                }
            }
            throw new IllegalStateException("the benchmark server ended before it was ready");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI webSocketUri() {
        return webSocketUri;
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public String tableName() {
        return tableName;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
