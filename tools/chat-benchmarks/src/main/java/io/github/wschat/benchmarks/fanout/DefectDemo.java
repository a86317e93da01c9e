package io.github.wschat.benchmarks.fanout;

import java.util.List;

/**
 * The tutorial's single-Scan defect, shown: the same broadcast to {@code recipients} clients once the
 * table is past 1 MB.
 *
 * @param recipients   clients other than the sender, all connected and stored
 * @param padBytes     the extra attribute each item was given
 * @param tableBytes   the table's size by DynamoDB's item-size rules, padded
 * @param broadcasts   one broadcast per variant
 */
public record DefectDemo(int recipients, int padBytes, long tableBytes, List<BroadcastSample> broadcasts) {

    public DefectDemo {
        broadcasts = List.copyOf(broadcasts);
    }
}
