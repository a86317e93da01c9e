package io.github.wschat.core.port.out;

import io.github.wschat.core.domain.RoomRequest;

/**
 * Reads the body of a room command in the wire protocol (PROTOCOL §1, §3–5). The core carries no JSON
 * library: module {@code chat-json} implements it, held to {@code io.github.wschat.core.contract.RoomRequestParserContract}
 * of the core's test-jar. Implementations are thread-safe and never throw.
 *
 * <p>What a JSON implementation reads, by the body's {@code action}:
 * <table>
 *   <caption>room commands</caption>
 *   <tr><th>{@code action}</th><th>fields</th><th>result</th></tr>
 *   <tr><td>{@code join}</td><td>{@code room}</td><td>{@link RoomRequest.Join}</td></tr>
 *   <tr><td>{@code leave}</td><td>{@code room}</td><td>{@link RoomRequest.Leave}</td></tr>
 *   <tr><td>{@code members}</td><td>{@code room}</td><td>{@link RoomRequest.Members}</td></tr>
 *   <tr><td>{@code publish}</td><td>{@code room}, {@code id}, {@code text}</td><td>{@link RoomRequest.Publish}</td></tr>
 *   <tr><td>{@code history}</td><td>{@code room}, optional {@code after} (integer ≥ 0, default 0),
 *       optional {@code limit} (integer 1–100, default 100)</td><td>{@link RoomRequest.History}</td></tr>
 * </table>
 * Every command may carry {@code ref}, a string of at most {@value RoomRequest#MAX_REF_LENGTH}
 * characters; fields the protocol does not name are ignored. Everything else is a
 * {@link RoomRequest.Invalid} with a {@link io.github.wschat.core.domain.ErrorCode#BAD_REQUEST bad_request}
 * error saying what was wrong, in words that never echo the body: not JSON or not an object, an
 * {@code action} missing or not one of the five, a {@code room} missing, not a string or not a
 * {@linkplain io.github.wschat.core.domain.RoomName#isValid room name}, an {@code id} missing, not a string
 * or not a {@linkplain io.github.wschat.core.domain.MessageId#isValid message id}, a {@code text} missing or
 * not a string (an empty or oversized string is a {@code Publish}: the use case judges its size), an
 * {@code after} or {@code limit} not an integer or out of range. The error carries the body's {@code ref}
 * when that is a valid ref; a {@code ref} that is not a string or too long is itself a
 * {@code bad_request}, without ref.
 */
public interface RoomRequestParser {

    /**
     * @param body the request's text as the client sent it; may be {@code null} or blank
     * @return the command, or {@link RoomRequest.Invalid} with the error to answer
     */
    RoomRequest parse(String body);
}
