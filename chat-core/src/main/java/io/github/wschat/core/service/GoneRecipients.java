package io.github.wschat.core.service;

/**
 * The gone recipients of one fan-out: each removed as it is found ({@link #remove}, on the thread that
 * completed its send), and what follows from it (telling the rooms it left) done once the fan-out is
 * over, on its caller's thread, so that no fan-out ever waits on the shared pool from inside it.
 */
@FunctionalInterface
interface GoneRecipients extends FanOut.Gone {

    /** Called once the fan-out is over; never throws. */
    default void finish() {
    }
}
