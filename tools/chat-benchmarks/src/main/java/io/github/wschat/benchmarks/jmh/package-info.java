/**
 * JMH micro-benchmarks of the pieces that explain the end-to-end numbers: reading the body, paging the
 * connections table, the broadcast service's own overhead.
 */
package io.github.wschat.benchmarks.jmh;
