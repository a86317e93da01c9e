package io.github.wschat.testkit.connections;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the connection id of an {@code @connections/{id}} path segment. The segment is percent-decoded
 * exactly once (the AWS SDK encodes {@code =} as {@code %3D}), as RFC 3986 paths are: {@code +} stays
 * {@code +}. The decoded id must then be 1 to 128 characters of {@code [A-Za-z0-9_+=-]}: anything else
 * ({@code /}, {@code ..}, a {@code %} left after decoding, a malformed escape) is refused before any lookup.
 */
public final class ConnectionIds {

    public static final int MAX_LENGTH = 128;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_+=-]{1," + MAX_LENGTH + "}");

    private ConnectionIds() {
    }

    /** The connection id in the raw path segment, if it is a valid one. */
    public static Optional<String> fromPathSegment(String rawSegment) {
        if (rawSegment.length() > 3 * MAX_LENGTH) {
            return Optional.empty();
        }
        return percentDecode(rawSegment).filter(id -> VALID.matcher(id).matches());
    }

    private static Optional<String> percentDecode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException malformed) {
            return Optional.empty();
        }
    }
}
