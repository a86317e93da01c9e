package io.github.wschat.benchmarks.coldstart;

/**
 * One cold start in a fresh JVM.
 *
 * @param constructMicros  making the handler: class loading, static initialisation, clients built
 * @param firstEventMicros its first {@code handleRequest}, against the local endpoints
 * @param processMillis    the whole process, from starting the JVM to its exit, as the driver saw it
 * @param status           the first event's status code
 */
public record ColdStartRun(long constructMicros, long firstEventMicros, long processMillis, int status) {

    /** Constructing plus the first event: what the handler's code costs on a cold start. */
    public long totalMicros() {
        return constructMicros + firstEventMicros;
    }
}
