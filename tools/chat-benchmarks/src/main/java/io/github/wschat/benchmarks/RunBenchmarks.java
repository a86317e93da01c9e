package io.github.wschat.benchmarks;

import io.github.wschat.benchmarks.coldstart.ColdStartBenchmark;
import io.github.wschat.benchmarks.coldstart.ColdStartResults;
import io.github.wschat.benchmarks.fanout.ConnectDisconnectScaling;
import io.github.wschat.benchmarks.fanout.FanOutBenchmark;
import io.github.wschat.benchmarks.fanout.FanOutResults;
import io.github.wschat.benchmarks.fanout.ScalingPoint;
import io.github.wschat.benchmarks.server.ServerProcess;
import io.github.wschat.benchmarks.jmh.MicroBenchmarks;
import io.github.wschat.benchmarks.jmh.MicroResult;
import io.github.wschat.benchmarks.report.BroadcastChart;
import io.github.wschat.benchmarks.report.Machine;
import io.github.wschat.benchmarks.report.ResultsReport;
import io.github.wschat.benchmarks.report.RoomsReport;
import io.github.wschat.benchmarks.server.RoomTables;
import io.github.wschat.benchmarks.rooms.RoomsBenchmark;
import io.github.wschat.benchmarks.rooms.RoomsResults;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs every benchmark in one go and writes {@code tools/chat-benchmarks/results/RESULTS.md},
 * {@code tools/chat-benchmarks/results/broadcast-time.png} and {@code tools/chat-benchmarks/results/ROOMS.md}: fan-out and
 * broadcast scaling (a server JVM of its own), connect and disconnect against stored connections (a fresh server JVM),
 * cold starts (a fresh JVM per run), the JMH micro-benchmarks (forked JVMs), the artifact sizes, and the rooms
 * benchmark ({@link RoomsBenchmark}, a fresh server JVM with the room tables). Started by {@code ./run-benchmarks.sh},
 * which builds the modules first and gives it this module's classpath.
 *
 * <p>Arguments: {@code <repository root>}, optionally {@code --quick}, a smaller run (N up to 1,000, fewer
 * repetitions) for trying the suite out, whose results say so; and optionally {@code --only rooms}, the rooms stage
 * alone, which writes {@code ROOMS.md} only.
 */
public final class RunBenchmarks {

    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
        boolean quick = options.contains("--quick");
        String only = only(options);
        String command = String.join(" ", Stream.concat(Stream.of("./run-benchmarks.sh"), options.stream()).toList());
        PrintStream progress = System.out;
        long start = System.nanoTime();
        ZonedDateTime startedAt = ZonedDateTime.now();
        Path work = Files.createDirectories(root.resolve("tools/chat-benchmarks/target/bench-work"));
        Path template = root.resolve("chat-lambda-example/template.yaml");
        Path out = Files.createDirectories(root.resolve("tools/chat-benchmarks/results"));
        if ("rooms".equals(only)) {
            progress.println("[1/1] rooms (--only rooms)");
            rooms(template, work, out, quick, command, startedAt, start, root, progress);
            return;
        }

        progress.println("[1/6] fan-out and broadcast scaling");
        FanOutResults fanOut;
        try (ServerProcess server = ServerProcess.start(template, "wschat-bench-fanout", work.resolve("fanout-server.log"))) {
            fanOut = new FanOutBenchmark(server, quick ? quickFanOut() : fullFanOut(), progress).run();
        }

        progress.println("[2/6] connect / disconnect against stored connections");
        List<ScalingPoint> scaling;
        try (ServerProcess server = ServerProcess.start(template, "wschat-bench-scaling", work.resolve("scaling-server.log"))) {
            scaling = new ConnectDisconnectScaling(server,
                    quick ? List.of(0, 1_000) : List.of(0, 1_000, 10_000, 50_000), quick ? 10 : 40, progress).run();
        }

        progress.println("[3/6] cold starts");
        ColdStartResults coldStarts = new ColdStartBenchmark(root, work, quick ? 3 : 5, progress).run();

        progress.println("[4/6] JMH micro-benchmarks");
        List<MicroResult> micro = MicroBenchmarks.run(work.resolve("jmh.log"), quick, progress);

        progress.println("[5/6] rooms");
        rooms(template, work, out, quick, command, startedAt, System.nanoTime(), root, progress);

        progress.println("[6/6] report");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Path chart = out.resolve("broadcast-time.png");
        BroadcastChart.write(fanOut, chart);
        String report = new ResultsReport(Machine.describe(), startedAt, took, commandTook(took), quick, fanOut, scaling,
                coldStarts, micro).markdown();
        Files.writeString(out.resolve("RESULTS.md"), report);
        progress.printf("wrote %s and %s in %d s%n", root.relativize(out.resolve("RESULTS.md")), root.relativize(chart),
                took.toSeconds());
    }

    /** The value of {@code --only}: {@code rooms}, or null for every stage. */
    private static String only(List<String> options) {
        int at = options.indexOf("--only");
        if (at < 0) {
            return null;
        }
        if (at + 1 >= options.size() || !options.get(at + 1).equals("rooms")) {
            throw new IllegalArgumentException("--only takes one stage, rooms (the only one that runs alone)");
        }
        return options.get(at + 1);
    }

    /** The rooms stage, in a server JVM of its own; writes ROOMS.md as soon as it is done. */
    private static void rooms(Path template, Path work, Path out, boolean quick, String command, ZonedDateTime startedAt,
                              long stageStart, Path root, PrintStream progress) throws Exception {
        RoomTables tables = RoomTables.forBenchmark();
        RoomsResults results;
        try (ServerProcess server = RoomsBenchmark.startServer(template, tables, work)) {
            results = new RoomsBenchmark(server, tables, quick ? quickRooms() : fullRooms(), progress).run();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - stageStart);
        Path rooms = out.resolve("ROOMS.md");
        Files.writeString(rooms, new RoomsReport(Machine.describe(), startedAt, took, commandTook(took), command, quick,
                results).markdown());
        progress.printf("wrote %s (the rooms stage took %d s)%n", root.relativize(rooms), took.toSeconds());
    }

    /** The whole command's time, the build included, as run-benchmarks.sh tells its start; else {@code took}. */
    private static Duration commandTook(Duration took) {
        String commandStarted = System.getenv("BENCH_COMMAND_STARTED");
        return commandStarted == null || commandStarted.isBlank() ? took
                : Duration.ofSeconds(Instant.now().getEpochSecond() - Long.parseLong(commandStarted.trim()));
    }

    private static RoomsBenchmark.Settings fullRooms() {
        return new RoomsBenchmark.Settings(1_000, List.of(1_000, 10_000, 50_000), 20, 30, 50, List.of(100, 1_000), 30);
    }

    private static RoomsBenchmark.Settings quickRooms() {
        return new RoomsBenchmark.Settings(200, List.of(200, 2_000, 10_000), 5, 10, 20, List.of(100, 1_000), 5);
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
