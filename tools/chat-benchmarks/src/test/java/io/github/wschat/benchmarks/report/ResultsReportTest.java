package io.github.wschat.benchmarks.report;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report judges the targets from the numbers it is given, and says what it measured. */
class ResultsReportTest {

    private static final Machine MACHINE = new Machine(2, "23.5 GiB", "AMD EPYC", "Linux", List.of("openjdk 17"), "20000");

    private static String report(double aPerRecipient, double bPerRecipient, double cPerRecipient, int bMissed,
                                 long projectColdMillis, long naiveColdMillis) {
        return new ResultsReport(MACHINE, ZonedDateTime.now(), Duration.ofMinutes(11), Duration.ofMinutes(12), false,
                ReportFixtures.fanOut(aPerRecipient, bPerRecipient, cPerRecipient, bMissed), ReportFixtures.scaling(),
                ReportFixtures.coldStarts(projectColdMillis, naiveColdMillis), ReportFixtures.micro()).markdown();
    }

    @Test
    void given_numbers_that_meet_every_target_when_reported_then_each_target_says_yes() {
        String markdown = report(0.05, 1.0, 0.02, 494, 500, 1_000);

        assertThat(markdown)
                .contains("| (a) at least 10× faster than (b) | (b) 1,050 ms / (a) 52.5 ms = **20.0×**")
                .contains("(b) reached 506 of 1,000 (**494 missed**)")
                .contains("`$connect` 50 %, `sendmessage` 50 % | **yes** |")
                .doesNotContain("**no**");
    }

    @Test
    void given_numbers_that_miss_the_targets_when_reported_then_they_say_no_and_why() {
        String markdown = report(0.5, 0.7, 0.02, 0, 800, 1_000);

        assertThat(markdown)
                .contains("= **1.4×** (a/b = 0.71) | **no** |")
                .contains("**a/c = 25.0×** | **no** |")
                .contains("(0 missed) | **no** |")
                .contains("**no** (0 of 2 routes)")
                .contains("**Why, in this run's numbers.**");
    }

    @Test
    void given_a_run_when_reported_then_machine_tables_and_chart_are_there_and_no_format_is_left_over() {
        String markdown = report(0.5, 0.7, 0.02, 494, 800, 1_000);

        assertThat(markdown)
                .contains("| CPUs (`nproc`) | 2 |", "| CPU model | AMD EPYC |", "![broadcast time against N](broadcast-time.png)",
                        "| `chat-lambda-example-lambda.zip` | 8,000,000 bytes", "### With a modeled `@connections` round trip",
                        "| 50,000 |")
                .doesNotContain("%%", "%s", "%d", "NaN");
    }
}
