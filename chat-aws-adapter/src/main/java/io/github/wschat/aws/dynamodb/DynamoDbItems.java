package io.github.wschat.aws.dynamodb;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** What the DynamoDB adapters read and write alike: numbers, strings and the TTL attribute's expiry. */
final class DynamoDbItems {

    private DynamoDbItems() {
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    /**
     * Whether the item is not expired: it has no TTL attribute, or one after {@code nowInEpochSeconds}.
     * Like a filter {@code ttl > :now}, a TTL that is not a number does not compare greater than now.
     */
    static boolean isLive(Map<String, AttributeValue> item, String ttlAttributeName, long nowInEpochSeconds) {
        AttributeValue ttl = item.get(ttlAttributeName);
        if (ttl == null) {
            return true;
        }
        return ttl.n() != null && new BigDecimal(ttl.n()).compareTo(BigDecimal.valueOf(nowInEpochSeconds)) > 0;
    }

    /**
     * The whole number of an attribute.
     *
     * @throws IllegalArgumentException naming the attribute (never its value) if it is missing or not a whole number
     */
    static long longOf(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalArgumentException("no number attribute '" + name + "'");
        }
        try {
            return new BigDecimal(value.n()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' is not a whole number", e);
        }
    }

    /**
     * The string of an attribute.
     *
     * @throws IllegalArgumentException naming the attribute if it is missing or not a string
     */
    static String stringOf(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalArgumentException("no string attribute '" + name + "'");
        }
        return value.s();
    }

    /** The key a Query goes on after, or null when it is done. */
    static Map<String, AttributeValue> nextStartKey(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
    }

    /**
     * Sleeps for {@code delay}; when interrupted, keeps the thread's interrupt and throws what
     * {@code interrupted} makes of the {@link InterruptedException}.
     */
    /**
     * Runs one SDK call, turning its {@link SdkException} into the port's exception, made by {@code failure}
     * from a message naming the operation and the table, and the cause.
     */
    static <T> T call(String operation, String tableName, Supplier<T> call,
                      BiFunction<String, SdkException, ? extends RuntimeException> failure) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw failure.apply("DynamoDB " + operation + " on table '" + tableName + "' failed: " + e.getMessage(), e);
        }
    }

    static void pause(Duration delay, Function<InterruptedException, RuntimeException> interrupted) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted.apply(e);
        }
    }

    /** A positive duration, for the builders' checks. */
    static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
