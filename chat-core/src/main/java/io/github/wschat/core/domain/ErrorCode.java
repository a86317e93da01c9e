package io.github.wschat.core.domain;

/** The codes of the protocol's {@code error} event (PROTOCOL §6), each with its {@link #wire() wire name}. */
public enum ErrorCode {
    /** Not JSON, a missing or malformed field, a bad name, an unknown action. */
    BAD_REQUEST("bad_request"),
    /** A message's text over the {@link TextLimit}. */
    TOO_LARGE("too_large"),
    /** The connection is not in the room it asks about. */
    NOT_MEMBER("not_member"),
    /** The room policy keeps the user out of the room. */
    FORBIDDEN("forbidden"),
    /** The caller sends too much. */
    RATE_LIMITED("rate_limited"),
    /** The chat failed (a store unreachable); the command may be retried. */
    INTERNAL("internal");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    /** The code as the {@code code} field shows it: {@code bad_request}, {@code too_large}, … */
    public String wire() {
        return wire;
    }
}
