package io.github.wschat.core.port.in;

/**
 * Takes a gone connection out of every room it is in ({@code $disconnect}, a 410 met in a fan-out, TTL
 * expiry; PROTOCOL §3), telling each room's other connections a {@code presence} {@code leave} when the
 * user's last connection there went. Idempotent; nothing is sent to the gone connection.
 */
public interface LeaveAllRoomsUseCase {

    /**
     * Never throws: a membership store that fails is logged, and what it kept is cleaned by its TTL or
     * by the next fan-out's 410.
     *
     * @return how many rooms the connection was taken out of
     */
    int leaveAllRooms(LeaveAllRoomsCommand command);
}
