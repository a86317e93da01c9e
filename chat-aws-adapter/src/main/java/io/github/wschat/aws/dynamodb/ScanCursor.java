package io.github.wschat.aws.dynamodb;

import io.github.wschat.core.port.out.PageCursor;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a scan of the connections table goes on, segment by segment: each segment is yet to
 * start, goes on after a key (DynamoDB's {@code LastEvaluatedKey}), or is done.
 *
 * <p>The token is {@code v2.<totalSegments>.<segment 0>.<segment 1>…}, one part per segment: empty
 * when the segment is yet to start, {@value #DONE_MARK} when it is done, otherwise the partition
 * key's UTF-8 bytes in unpadded base64url. The total is kept so that a cursor is refused by a store
 * that splits its scan differently. A cursor names somewhere to go on: not the first page (every
 * segment yet to start) nor the end (every segment done). Tokens come back from callers, so
 * {@link #decode} checks every part.
 */
record ScanCursor(List<Position> positions) {

    private static final String VERSION = "v2";
    private static final char SEPARATOR = '.';
    private static final String DONE_MARK = "~";

    /** DynamoDB's partition keys have at most 2048 bytes; base64 makes 2731 characters of them. */
    private static final int MAX_KEY_BYTES = 2048;
    private static final int MAX_KEY_CHARACTERS = 2731;
    /** {@code v2.} and a segment count of at most 7 digits. */
    private static final int MAX_HEADER_LENGTH = 10;

    ScanCursor {
        positions = List.copyOf(positions);
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("a scan has at least one segment");
        }
        if (positions.stream().allMatch(Position.START::equals)) {
            throw new IllegalArgumentException("the start of every segment is the first page, not a cursor");
        }
        if (positions.stream().allMatch(Position::done)) {
            throw new IllegalArgumentException("a scan done in every segment has no next page");
        }
    }

    /** Where the first page starts: every one of {@code totalSegments} segments yet to start. */
    static List<Position> firstPage(int totalSegments) {
        return Collections.nCopies(totalSegments, Position.START);
    }

    int totalSegments() {
        return positions.size();
    }

    PageCursor encode() {
        StringBuilder token = new StringBuilder(VERSION).append(SEPARATOR).append(positions.size());
        for (Position position : positions) {
            token.append(SEPARATOR).append(position.encode());
        }
        return PageCursor.of(token.toString());
    }

    /**
     * Reads a cursor made by {@link #encode()} for a scan in {@code expectedTotalSegments} segments.
     *
     * @throws IllegalArgumentException if the token was not made so
     */
    static ScanCursor decode(PageCursor cursor, int expectedTotalSegments) {
        String token = cursor.token();
        long maxLength = MAX_HEADER_LENGTH + (long) expectedTotalSegments * (MAX_KEY_CHARACTERS + 1);
        if (token.length() > maxLength) {
            throw invalid("token is " + token.length() + " characters long");
        }
        String[] parts = token.split("\\" + SEPARATOR, -1);
        if (parts.length < 3 || !VERSION.equals(parts[0])) {
            throw invalid("unknown format " + shortened(token));
        }
        int totalSegments = parseCount(parts[1], "segment count");
        if (totalSegments != expectedTotalSegments) {
            throw invalid("it was made for a scan in " + totalSegments + " segments, this store scans in "
                    + expectedTotalSegments);
        }
        if (parts.length != 2 + totalSegments) {
            throw invalid("it has " + (parts.length - 2) + " segment positions for " + totalSegments + " segments");
        }
        List<Position> positions = new ArrayList<>(totalSegments);
        for (int segment = 0; segment < totalSegments; segment++) {
            positions.add(decodePosition(parts[2 + segment]));
        }
        if (positions.stream().allMatch(Position.START::equals)) {
            throw invalid("every segment is yet to start");
        }
        if (positions.stream().allMatch(Position::done)) {
            throw invalid("every segment is done");
        }
        return new ScanCursor(positions);
    }

    private static Position decodePosition(String part) {
        if (part.isEmpty()) {
            return Position.START;
        }
        if (DONE_MARK.equals(part)) {
            return Position.DONE;
        }
        return Position.after(decodeKey(part));
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
        long done = positions.stream().filter(Position::done).count();
        long started = positions.stream().filter(position -> position.startKey().isPresent()).count();
        return "ScanCursor[" + positions.size() + " segments: " + started + " after a key, " + done + " done]";
    }

    /** Where one segment of a scan stands: yet to start, after a key, or done. */
    record Position(String exclusiveStartKey, boolean done) {

        /** The segment is yet to be read. */
        static final Position START = new Position(null, false);
        /** The segment has been read to its end. */
        static final Position DONE = new Position(null, true);

        Position {
            if (exclusiveStartKey != null && (done || exclusiveStartKey.isEmpty())) {
                throw new IllegalArgumentException("a start key must not be empty, nor kept once a segment is done");
            }
        }

        /** The segment goes on after the item with this partition key. */
        static Position after(String exclusiveStartKey) {
            return new Position(Objects.requireNonNull(exclusiveStartKey, "exclusiveStartKey"), false);
        }

        /** The key to start after; empty at the start of a segment and once it is done. */
        Optional<String> startKey() {
            return Optional.ofNullable(exclusiveStartKey);
        }

        private String encode() {
            if (done) {
                return DONE_MARK;
            }
            return exclusiveStartKey == null ? "" : Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(exclusiveStartKey.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return done ? "done" : exclusiveStartKey == null ? "start" : "after a key";
        }
    }
}
