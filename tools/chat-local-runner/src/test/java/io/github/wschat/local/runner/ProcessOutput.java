package io.github.wschat.local.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process of a test (the local chat's {@code main}, {@code wscat}) and what it prints, stdout and
 * stderr together, line by line as it comes; a line the cleaner turns empty is dropped.
 */
final class ProcessOutput implements AutoCloseable {

    private static final Duration EXIT = Duration.ofSeconds(30);

    private final Process process;
    private final UnaryOperator<String> cleaner;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer all = new StringBuffer();

    private ProcessOutput(Process process, UnaryOperator<String> cleaner) {
        this.process = process;
        this.cleaner = cleaner;
        Thread reader = new Thread(this::read, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ProcessOutput start(ProcessBuilder builder, UnaryOperator<String> cleaner) throws IOException {
        return new ProcessOutput(builder.redirectErrorStream(true).start(), cleaner);
    }

    Process process() {
        return process;
    }

    /** The first line from now on that matches, failing after {@code wait} with all it printed. */
    Matcher awaitLine(Pattern pattern, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Matcher matcher = pattern.matcher(nextLine(pattern.toString(), deadline - System.nanoTime()));
            if (matcher.find()) {
                return matcher;
            }
        }
    }

    /** The next line, failing after {@code wait}. */
    String nextLine(Duration wait) throws InterruptedException {
        return nextLine("any", wait.toNanos());
    }

    private String nextLine(String expected, long waitNanos) throws InterruptedException {
        String line = lines.poll(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
        if (line == null) {
            throw new AssertionError("no line matching " + expected + " in time"
                    + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")")
                    + "; it printed:\n" + output());
        }
        return line;
    }

    /** The lines printed and not yet taken. */
    List<String> linesSoFar() {
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        return rest;
    }

    /** Everything it printed. */
    String output() {
        return all.toString();
    }

    void type(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** SIGTERM, then waits for the end. */
    boolean stop(Duration wait) throws InterruptedException {
        process.destroy();
        return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private void read() {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                all.append(line).append('\n');
                String text = cleaner.apply(line);
                if (!text.isEmpty()) {
                    lines.add(text);
                }
            }
        } catch (IOException ended) {
            // the process is gone: nothing more to read
        }
    }
}
