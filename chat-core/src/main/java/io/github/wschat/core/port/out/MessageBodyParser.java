package io.github.wschat.core.port.out;

import io.github.wschat.core.domain.SendMessageBody;

/**
 * Reads the body of a {@code sendmessage} request in the wire protocol. The core carries no JSON
 * library: {@code io.github.wschat.json.SendMessageBodyParser} in module {@code chat-json} reads the
 * tutorial's {@code {"action":"sendmessage","message":"…"}}. Implementations are thread-safe.
 */
public interface MessageBodyParser {

    /**
     * @param body the request's text as the client sent it; may be {@code null} or blank
     * @return the message text, or why the body cannot be read, in words that never echo the body
     */
    SendMessageBody parse(String body);
}
