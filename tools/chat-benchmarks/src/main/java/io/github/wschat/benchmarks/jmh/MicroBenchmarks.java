package io.github.wschat.benchmarks.jmh;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs this package's JMH benchmarks, short: one fork each, 2 warm-up and 5 measured iterations of one
 * second (3 of one second with {@code quick}). That is enough to rank the pieces, not for fine differences:
 * the report gives JMH's 99.9 % confidence intervals, which are wide with so few iterations. JMH's own
 * output goes to {@code log}.
 */
public final class MicroBenchmarks {

    private MicroBenchmarks() {
    }

    public static List<MicroResult> run(Path log, boolean quick, PrintStream progress) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(MicroBenchmarks.class.getPackageName().replace(".", "\\.") + "\\..*Benchmark\\..*")
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .shouldFailOnError(true)
                .output(log.toString());
        Collection<RunResult> results = new Runner(options.build()).run();
        List<MicroResult> micro = new ArrayList<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            String method = label.substring(label.lastIndexOf('.') + 1);
            String className = label.substring(0, label.lastIndexOf('.'));
            String params = result.getParams().getParamsKeys().stream()
                    .map(key -> key + "=" + result.getParams().getParam(key))
                    .collect(Collectors.joining(", "));
            micro.add(new MicroResult(className.substring(className.lastIndexOf('.') + 1), method, params,
                    result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError(),
                    result.getPrimaryResult().getScoreUnit(), result.getPrimaryResult().getStatistics().getN()));
        }
        micro.sort(Comparator.comparing(MicroResult::benchmark).thenComparing(MicroResult::method));
        progress.printf("  JMH: %d benchmarks, log in %s%n", micro.size(), log);
        return micro;
    }
}
