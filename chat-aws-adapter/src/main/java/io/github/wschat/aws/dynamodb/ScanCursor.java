package io.github.wschat.aws.dynamodb;

import io.github.wschat.core.port.out.PageCursor;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a scan of the connections table goes on: a segment and, inside it, the key to start after
 * (DynamoDB's {@code LastEvaluatedKey}), or no key to start the segment from its beginning.
 *
 * <p>The token is {@code v1.<segment>.<totalSegments>.<key>}, the key being the partition key's
 * UTF-8 bytes in unpadded base64url (empty at the start of a segment). The total is kept so that a
 * cursor is refused by a store that splits its scan differently. Tokens come back from callers, so
 * {@link #decode} checks every part.
 */
record ScanCursor(int segment, int totalSegments, String exclusiveStartKey) {

    private static final String VERSION = "v1";
    private static final char SEPARATOR = '.';

    /** DynamoDB's partition keys have at most 2048 bytes; base64 makes 2732 characters of them. */
    private static final int MAX_KEY_BYTES = 2048;
    private static final int MAX_TOKEN_LENGTH = 2800;

    ScanCursor {
        if (totalSegments < 1 || segment < 0 || segment >= totalSegments) {
            throw new IllegalArgumentException("segment " + segment + " of " + totalSegments + " does not exist");
        }
        if (exclusiveStartKey != null && exclusiveStartKey.isEmpty()) {
            throw new IllegalArgumentException("an exclusive start key must not be empty");
        }
        if (exclusiveStartKey == null && segment == 0) {
            throw new IllegalArgumentException("the start of segment 0 is the first page, not a cursor");
        }
    }

    /** Continue {@code segment} after the item with this partition key. */
    static ScanCursor after(int segment, int totalSegments, String exclusiveStartKey) {
        return new ScanCursor(segment, totalSegments, exclusiveStartKey);
    }

    /** Start {@code segment} from its beginning. */
    static ScanCursor startOf(int segment, int totalSegments) {
        return new ScanCursor(segment, totalSegments, null);
    }

    /** The key to start after; empty at the start of a segment. */
    Optional<String> startKey() {
        return Optional.ofNullable(exclusiveStartKey);
    }

    PageCursor encode() {
        String key = exclusiveStartKey == null ? ""
                : Base64.getUrlEncoder().withoutPadding().encodeToString(exclusiveStartKey.getBytes(StandardCharsets.UTF_8));
        return PageCursor.of(VERSION + SEPARATOR + segment + SEPARATOR + totalSegments + SEPARATOR + key);
    }

    /**
     * Reads a cursor made by {@link #encode()} for a scan in {@code expectedTotalSegments} segments.
     *
     * @throws IllegalArgumentException if the token was not made so
     */
    static ScanCursor decode(PageCursor cursor, int expectedTotalSegments) {
        String token = cursor.token();
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw invalid("token is " + token.length() + " characters long");
        }
        String[] parts = token.split("\\" + SEPARATOR, -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw invalid("unknown format " + shortened(token));
        }
        int segment = parseCount(parts[1], "segment");
        int totalSegments = parseCount(parts[2], "segment count");
        if (totalSegments != expectedTotalSegments) {
            throw invalid("it was made for a scan in " + totalSegments + " segments, this store scans in "
                    + expectedTotalSegments);
        }
        if (segment >= totalSegments) {
            throw invalid("segment " + segment + " of " + totalSegments + " does not exist");
        }
        if (parts[3].isEmpty()) {
            if (segment == 0) {
                throw invalid("no start key in segment 0");
            }
            return startOf(segment, totalSegments);
        }
        return after(segment, totalSegments, decodeKey(parts[3]));
    }

    private static int parseCount(String digits, String what) {
        if (digits.isEmpty() || digits.length() > 7 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(what + " is not a small number: " + shortened(digits));
        }
        return Integer.parseInt(digits);
    }

    private static String decodeKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw invalid("start key is not base64url: " + e.getMessage());
        }
        if (bytes.length > MAX_KEY_BYTES) {
            throw invalid("start key has " + bytes.length + " bytes, more than DynamoDB's " + MAX_KEY_BYTES);
        }
        try {
            String key = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (key.isEmpty()) {
                throw invalid("start key is empty");
            }
            return key;
        } catch (CharacterCodingException e) {
            throw invalid("start key is not UTF-8");
        }
    }

    private static IllegalArgumentException invalid(String reason) {
        return new IllegalArgumentException("Not a page cursor of this DynamoDB connection store: " + reason);
    }

    private static String shortened(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return '"' + shown.replaceAll("\\p{Cntrl}", "?") + '"';
    }

    @Override
    public String toString() {
        return "ScanCursor[segment " + segment + "/" + totalSegments + (exclusiveStartKey == null ? ", start" : ", after key") + "]";
    }
}
