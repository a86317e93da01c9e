package io.github.wschat.server;

import java.time.Duration;

/** The requests being answered, and whether the server is draining: the graceful stop waits on it. */
final class InFlight {

    private int count;
    private boolean draining;

    synchronized void begin() {
        count++;
    }

    synchronized void end() {
        count--;
        if (count == 0) {
            notifyAll();
        }
    }

    synchronized int count() {
        return count;
    }

    /** From now on every answer closes its connection. */
    synchronized void drain() {
        draining = true;
    }

    synchronized boolean draining() {
        return draining;
    }

    /** Waits until no request is in flight, at most {@code grace}; whether none is. */
    synchronized boolean awaitIdle(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (count > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            long millis = Math.max(1, left / 1_000_000);
            wait(millis);
        }
        return true;
    }
}
