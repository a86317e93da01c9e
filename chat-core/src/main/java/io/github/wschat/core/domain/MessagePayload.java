package io.github.wschat.core.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Text sent to a connection. Never empty; its size limit is checked by {@link PayloadLimit}, which
 * the broadcast applies before anything is sent.
 */
public record MessagePayload(String text) {

    public MessagePayload {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a message payload must not be empty");
        }
    }

    public static MessagePayload of(String text) {
        return new MessagePayload(text);
    }

    /** Size on the wire: the gateway's limits count UTF-8 bytes, not characters. */
    public int utf8Length() {
        return utf8Length(text);
    }

    /** The text as UTF-8 bytes, as sent on the wire. */
    public byte[] utf8Bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The UTF-8 length of {@code text} when it is more than {@code maxBytes}, else -1; counts only when
     * the cheap bound (at most 3 bytes per UTF-16 unit) cannot tell.
     */
    static int utf8LengthOver(String text, int maxBytes) {
        if ((long) text.length() * 3 <= maxBytes) {
            return -1;
        }
        int bytes = utf8Length(text);
        return bytes > maxBytes ? bytes : -1;
    }

    static int utf8Length(CharSequence text) {
        int bytes = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                // a lone surrogate is encoded as '?' by the JDK: one byte
                bytes += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return bytes;
    }
}
