package io.github.wschat.local;

/** The local WebSocket API could not start or stop (for example, its port is taken), with the cause kept. */
public class LocalWebSocketApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalWebSocketApiException(String message, Throwable cause) {
        super(message, cause);
    }

    public LocalWebSocketApiException(String message) {
        super(message);
    }
}
