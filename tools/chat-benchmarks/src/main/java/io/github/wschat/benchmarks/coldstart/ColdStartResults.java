package io.github.wschat.benchmarks.coldstart;

import io.github.wschat.benchmarks.stats.Stats;

import java.util.List;
import java.util.Optional;

/**
 * Cold starts of each handler of each variant, and the deployment artifacts.
 *
 * @param cases       every handler of every variant, with its runs
 * @param jvmOptions  the options every probe JVM ran with
 * @param project     this project's artifact, {@code chat-lambda-example-lambda.zip}
 * @param naive       the naive version's artifact, {@code naive-lambda.zip}
 */
public record ColdStartResults(List<Case> cases, List<String> jvmOptions, Artifact project, Artifact naive) {

    public ColdStartResults {
        cases = List.copyOf(cases);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The runs of one handler of one variant. */
    public record Case(String route, String variant, String handlerClass, List<ColdStartRun> runs) {

        public Case {
            runs = List.copyOf(runs);
        }

        public double medianConstructMillis() {
            return Stats.median(runs.stream().mapToLong(ColdStartRun::constructMicros).toArray()) / 1e3;
        }

        public double medianFirstEventMillis() {
            return Stats.median(runs.stream().mapToLong(ColdStartRun::firstEventMicros).toArray()) / 1e3;
        }

        public double medianTotalMillis() {
            return Stats.median(runs.stream().mapToLong(ColdStartRun::totalMicros).toArray()) / 1e3;
        }

        public double medianProcessMillis() {
            return Stats.median(runs.stream().mapToLong(ColdStartRun::processMillis).toArray());
        }

        /** Whether every run's first event answered 200. */
        public boolean allOk() {
            return runs.stream().allMatch(run -> run.status() == 200);
        }
    }

    /** A deployment artifact: its zip's size and how many jars its {@code lib/} holds. */
    public record Artifact(String name, long bytes, int jars) {
    }

    public Optional<Case> find(String route, String variant) {
        return cases.stream().filter(c -> c.route().equals(route) && c.variant().equals(variant)).findFirst();
    }
}
