package io.github.wschat.core.domain;

import java.util.Optional;

/**
 * The largest text of a published room message, in UTF-8 bytes (PROTOCOL §4): 32,768 by default, so
 * that a {@code message} event, its JSON around the text included, fits API Gateway's 128 KB.
 *
 * <pre>{@code
 * TextLimit.DEFAULT.check("hi");      // empty: accepted
 * TextLimit.ofBytes(4).check("héllo"); // a too_large error
 * }</pre>
 */
public record TextLimit(int maxBytes) {

    public static final int DEFAULT_MAX_BYTES = 32 * 1024;
    /** 32,768 bytes of UTF-8. */
    public static final TextLimit DEFAULT = new TextLimit(DEFAULT_MAX_BYTES);

    public TextLimit {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, is " + maxBytes);
        }
    }

    public static TextLimit ofBytes(int maxBytes) {
        return new TextLimit(maxBytes);
    }

    /**
     * Judges a text.
     *
     * @return a {@code bad_request} error for a missing or empty text, a {@code too_large} one for a text
     *         over the limit (both without ref), or empty when the text may be published
     */
    public Optional<ChatError> check(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of(ChatError.of(ErrorCode.BAD_REQUEST, "text is empty"));
        }
        int bytes = MessagePayload.utf8LengthOver(text, maxBytes);
        if (bytes > 0) {
            return Optional.of(ChatError.of(ErrorCode.TOO_LARGE,
                    "text is " + bytes + " bytes, more than the limit of " + maxBytes + " bytes"));
        }
        return Optional.empty();
    }
}
