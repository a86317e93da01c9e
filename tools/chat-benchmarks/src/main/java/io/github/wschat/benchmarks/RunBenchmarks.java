package io.github.wschat.benchmarks;

import io.github.wschat.benchmarks.coldstart.ColdStartBenchmark;
import io.github.wschat.benchmarks.coldstart.ColdStartResults;
import io.github.wschat.benchmarks.fanout.ConnectDisconnectScaling;
import io.github.wschat.benchmarks.fanout.FanOutBenchmark;
import io.github.wschat.benchmarks.fanout.FanOutResults;
import io.github.wschat.benchmarks.fanout.ScalingPoint;
import io.github.wschat.benchmarks.fanout.ServerProcess;
import io.github.wschat.benchmarks.jmh.MicroBenchmarks;
import io.github.wschat.benchmarks.jmh.MicroResult;
import io.github.wschat.benchmarks.report.BroadcastChart;
import io.github.wschat.benchmarks.report.Machine;
import io.github.wschat.benchmarks.report.ResultsReport;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Runs every benchmark in one go and writes {@code tools/chat-benchmarks/results/RESULTS.md} and
 * {@code tools/chat-benchmarks/results/broadcast-time.png}: fan-out and broadcast scaling (a server JVM of its own), connect and
 * disconnect against stored connections (a fresh server JVM), cold starts (a fresh JVM per run), the JMH
 * micro-benchmarks (forked JVMs), and the artifact sizes. Started by {@code ./run-benchmarks.sh}, which
 * builds the modules first and gives it this module's classpath.
 *
 * <p>Arguments: {@code <repository root>} and optionally {@code --quick}, a smaller run (N up to 1,000, fewer
 * repetitions) for trying the suite out; its results say so.
 */
public final class RunBenchmarks {

    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        boolean quick = List.of(args).contains("--quick");
        PrintStream progress = System.out;
        long start = System.nanoTime();
        ZonedDateTime startedAt = ZonedDateTime.now();
        Path work = Files.createDirectories(root.resolve("tools/chat-benchmarks/target/bench-work"));
        Path template = root.resolve("chat-lambda-example/template.yaml");

        progress.println("[1/5] fan-out and broadcast scaling");
        FanOutResults fanOut;
        try (ServerProcess server = ServerProcess.start(template, "wschat-bench-fanout", work.resolve("fanout-server.log"))) {
            fanOut = new FanOutBenchmark(server, quick ? quickFanOut() : fullFanOut(), progress).run();
        }

        progress.println("[2/5] connect / disconnect against stored connections");
        List<ScalingPoint> scaling;
        try (ServerProcess server = ServerProcess.start(template, "wschat-bench-scaling", work.resolve("scaling-server.log"))) {
            scaling = new ConnectDisconnectScaling(server,
                    quick ? List.of(0, 1_000) : List.of(0, 1_000, 10_000, 50_000), quick ? 10 : 40, progress).run();
        }

        progress.println("[3/5] cold starts");
        ColdStartResults coldStarts = new ColdStartBenchmark(root, work, quick ? 3 : 5, progress).run();

        progress.println("[4/5] JMH micro-benchmarks");
        List<MicroResult> micro = MicroBenchmarks.run(work.resolve("jmh.log"), quick, progress);

        progress.println("[5/5] report");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // set by run-benchmarks.sh: the whole command, the build included
        String commandStarted = System.getenv("BENCH_COMMAND_STARTED");
        Duration commandTook = commandStarted == null || commandStarted.isBlank() ? took
                : Duration.ofSeconds(Instant.now().getEpochSecond() - Long.parseLong(commandStarted.trim()));
        Path out = Files.createDirectories(root.resolve("tools/chat-benchmarks/results"));
        Path chart = out.resolve("broadcast-time.png");
        BroadcastChart.write(fanOut, chart);
        String report = new ResultsReport(Machine.describe(), startedAt, took, commandTook, quick, fanOut, scaling,
                coldStarts, micro).markdown();
        Files.writeString(out.resolve("RESULTS.md"), report);
        progress.printf("wrote %s and %s in %d s%n", root.relativize(out.resolve("RESULTS.md")), root.relativize(chart),
                took.toSeconds());
    }

    private static FanOutBenchmark.Settings fullFanOut() {
        return new FanOutBenchmark.Settings(
                List.of(1, 10, 100, 1_000, 5_000, 10_000),
                List.of(10, 10, 7, 7, 5, 5),
                List.of(3, 3, 2, 1, 1, 1),
                1_000, 1_000, 2_000,
                List.of(100, 1_000), 10, 3);
    }

    private static FanOutBenchmark.Settings quickFanOut() {
        return new FanOutBenchmark.Settings(
                List.of(1, 10, 100, 1_000),
                List.of(3, 3, 3, 2),
                List.of(1, 1, 1, 1),
                200, 1_000, 2_000,
                List.of(1_000), 10, 1);
    }
}
