package io.github.wschat.benchmarks.report;

import io.github.wschat.benchmarks.coldstart.ColdStartBenchmark;
import io.github.wschat.benchmarks.coldstart.ColdStartResults;
import io.github.wschat.benchmarks.coldstart.ColdStartRun;
import io.github.wschat.benchmarks.fanout.BroadcastPoint;
import io.github.wschat.benchmarks.fanout.BroadcastSample;
import io.github.wschat.benchmarks.fanout.DefectDemo;
import io.github.wschat.benchmarks.fanout.FanOutResults;
import io.github.wschat.benchmarks.server.Routes;
import io.github.wschat.benchmarks.fanout.ScalingPoint;
import io.github.wschat.benchmarks.jmh.MicroResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

/** Made-up measurements, shaped like a run's, for testing the report and the chart. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    /** Broadcast times of (a), (b), (b′), (c) growing linearly with N from the given milliseconds per recipient. */
    static FanOutResults fanOut(double aPerRecipient, double bPerRecipient, double cPerRecipient, int bMissedPastOneMb) {
        List<BroadcastPoint> points = new ArrayList<>();
        for (int n : List.of(1, 10, 100, 1_000)) {
            points.add(point(Routes.PROJECT, n, aPerRecipient));
            points.add(point(Routes.TUTORIAL, n, bPerRecipient));
            points.add(point(Routes.TUTORIAL_PROMISE_ALL, n, bPerRecipient / 2));
            points.add(point(Routes.GATEWAY_PUSH, n, cPerRecipient));
        }
        DefectDemo defect = new DefectDemo(1_000, 2_000, 2_080_000, List.of(
                sample(Routes.PROJECT, 1_000, 1_000, aPerRecipient),
                sample(Routes.TUTORIAL, 1_000, 1_000 - bMissedPastOneMb, bPerRecipient)));
        return new FanOutResults(points, Optional.of(defect), Map.of(1_000, 74_074L), Map.of(1_000, 3_000L),
                List.of(point(Routes.PROJECT, 1_000, aPerRecipient * 1.2), point(Routes.TUTORIAL, 1_000, 11.0),
                        point(Routes.TUTORIAL_PROMISE_ALL, 1_000, aPerRecipient)), 10, 1_000);
    }

    static BroadcastPoint point(String route, int n, double millisPerRecipient) {
        return new BroadcastPoint(route, n, List.of(sample(route, n, n, millisPerRecipient),
                sample(route, n, n, millisPerRecipient * 1.1)));
    }

    static BroadcastSample sample(String route, int n, int received, double millisPerRecipient) {
        long[] latencies = LongStream.rangeClosed(1, received)
                .map(i -> Math.round(i * millisPerRecipient * 1_000_000)).toArray();
        long last = latencies.length == 0 ? 0 : latencies[latencies.length - 1];
        return new BroadcastSample(route, n, received, false, last, latencies, 200, last / 1_000, last / 1_000, 1_000);
    }

    static ColdStartResults coldStarts(long projectMillis, long naiveMillis) {
        List<ColdStartResults.Case> cases = new ArrayList<>();
        for (String route : List.of("$connect", "sendmessage")) {
            cases.add(new ColdStartResults.Case(route, ColdStartBenchmark.PROJECT, "P",
                    List.of(new ColdStartRun(projectMillis * 600, projectMillis * 400, projectMillis + 100, 200))));
            cases.add(new ColdStartResults.Case(route, ColdStartBenchmark.NAIVE, "N",
                    List.of(new ColdStartRun(naiveMillis * 600, naiveMillis * 400, naiveMillis + 100, 200))));
        }
        return new ColdStartResults(cases, ColdStartBenchmark.JVM_OPTIONS,
                new ColdStartResults.Artifact("chat-lambda-example-lambda.zip", 8_000_000, 40),
                new ColdStartResults.Artifact("naive-lambda.zip", 17_000_000, 55));
    }

    static List<ScalingPoint> scaling() {
        return List.of(new ScalingPoint(0, List.of(3_000L, 3_100L), List.of(2_000L, 2_100L), List.of(1_900L, 2_000L)),
                new ScalingPoint(50_000, List.of(3_050L, 3_150L), List.of(2_050L, 2_150L), List.of(1_950L, 2_050L)));
    }

    static List<MicroResult> micro() {
        return List.of(
                new MicroResult("ConnectionsPostBenchmark", "sdkPostToConnection", "", 2_500, 300, "us/op", 5),
                new MicroResult("ConnectionsPostBenchmark", "gatewayInProcessPush", "", 20, 5, "us/op", 5),
                new MicroResult("ConnectionStorePagingBenchmark", "pageThroughAll", "connections=5000", 150, 20, "ms/op", 5),
                new MicroResult("ConnectionStorePagingBenchmark", "firstPage", "connections=5000", 15, 2, "ms/op", 5));
    }
}
