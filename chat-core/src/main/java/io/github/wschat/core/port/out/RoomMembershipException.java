package io.github.wschat.core.port.out;

/** The {@link RoomMembership} could not do what was asked (unreachable, throttled, misconfigured). */
public class RoomMembershipException extends ChatInfrastructureException {

    private static final long serialVersionUID = 1L;

    public RoomMembershipException(String message, Throwable cause) {
        super(message, cause);
    }

    public RoomMembershipException(String message) {
        super(message);
    }
}
