package io.github.wschat.core.domain;

/** The {@code event} of a {@code presence} event (PROTOCOL §3), with its {@link #wire() wire name}. */
public enum Presence {
    /** A user joined the room (its first connection in it). */
    JOIN("join"),
    /** A user left the room (its last connection in it went). */
    LEAVE("leave");

    private final String wire;

    Presence(String wire) {
        this.wire = wire;
    }

    /** {@code join} or {@code leave}. */
    public String wire() {
        return wire;
    }
}
