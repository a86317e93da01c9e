package io.github.wschat.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

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

    /** A positive duration, for the builders' checks. */
    static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
