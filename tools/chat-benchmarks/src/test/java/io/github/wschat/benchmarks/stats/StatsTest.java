package io.github.wschat.benchmarks.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatsTest {

    @Test
    void given_an_odd_count_when_the_median_is_taken_then_it_is_the_middle_value() {
        assertThat(Stats.median(new double[] {5, 1, 3})).isEqualTo(3);
    }

    @Test
    void given_an_even_count_when_the_median_is_taken_then_it_is_the_mean_of_the_middle_two() {
        assertThat(Stats.median(new long[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void given_no_values_when_the_median_is_taken_then_it_is_nan() {
        assertThat(Stats.median(new double[0])).isNaN();
    }

    @Test
    void given_a_hundred_values_when_percentiles_are_taken_then_they_are_nearest_rank() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = i + 1;
        }
        assertThat(Stats.percentile(values, 50)).isEqualTo(50);
        assertThat(Stats.percentile(values, 99)).isEqualTo(99);
        assertThat(Stats.percentile(values, 100)).isEqualTo(100);
        assertThat(Stats.percentile(new long[] {7}, 99)).isEqualTo(7);
    }
}
