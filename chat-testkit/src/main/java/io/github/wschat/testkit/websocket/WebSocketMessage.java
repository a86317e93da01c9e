package io.github.wschat.testkit.websocket;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One whole WebSocket message a client received, its fragments joined: {@link Text} or {@link Binary}.
 */
public sealed interface WebSocketMessage permits WebSocketMessage.Text, WebSocketMessage.Binary {

    /** A text message. */
    record Text(String text) implements WebSocketMessage {

        /** Requires the text. */
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A binary message; its bytes are copied in and out, so that it stays a value. */
    record Binary(byte[] data) implements WebSocketMessage {

        /** Copies the bytes. */
        public Binary {
            data = Objects.requireNonNull(data, "data").clone();
        }

        /** A copy of the bytes. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Binary binary && Arrays.equals(data, binary.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Binary[" + data.length + " bytes, base64 " + Base64.getEncoder().encodeToString(
                    data.length <= 48 ? data : Arrays.copyOf(data, 48)) + (data.length <= 48 ? "]" : "...]");
        }
    }

    /** Its text; fails the test for a binary message. */
    default String text() {
        throw new AssertionError("expected a text message, got " + this);
    }

    /** Its bytes; fails the test for a text message. */
    default byte[] data() {
        throw new AssertionError("expected a binary message, got " + this);
    }
}
