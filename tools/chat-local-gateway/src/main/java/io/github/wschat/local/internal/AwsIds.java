package io.github.wschat.local.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Identifiers shaped like API Gateway's and Lambda's.
 *
 * <p>Connection, request and message ids are 11 random bytes in base64 with padding: 16 characters ending
 * with {@code =}, such as {@code Bq3xkcNyoAMCJpQ=}. The URL-safe alphabet is used ({@code -} and {@code _},
 * which real ids show too, e.g. {@code JC1dgf9yoAMCK-g=}) so that no id contains {@code /}, which would
 * split an {@code @connections} path.
 */
final class AwsIds {

    /** The Region of every ARN the emulator makes up. */
    static final String REGION = "local";
    /** The account of every ARN the emulator makes up. */
    static final String ACCOUNT_ID = "000000000000";

    private static final int ID_BYTES = 11;

    private final SecureRandom random = new SecureRandom();

    /** A new 16-character id (connection id, request id, message id). */
    String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }

    /** A Lambda invocation id (a UUID, as Lambda gives). */
    String newAwsRequestId() {
        return UUID.randomUUID().toString();
    }

    /** An X-Ray trace header value, {@code Root=1-<epoch seconds in hex>-<96 random bits in hex>}. */
    String newTraceId(long epochMillis) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        StringBuilder trace = new StringBuilder("Root=1-")
                .append(String.format("%08x", epochMillis / 1000))
                .append('-');
        for (byte b : bytes) {
            trace.append(String.format("%02x", b));
        }
        return trace.toString();
    }
}
