package io.github.wschat.core.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * System properties set for a while and then put back as they were: for tests that give the AWS SDK
 * its standard settings ({@code aws.region}, {@code aws.endpointUrlDynamoDb}, …) the way a user would.
 *
 * <pre>{@code
 * try (SystemProperties ignored = SystemProperties.set(Map.of("aws.region", "us-east-1"))) {
 *     // code that builds SDK clients
 * }
 * }</pre>
 */
public final class SystemProperties implements AutoCloseable {

    private final Map<String, String> previous = new HashMap<>();

    private SystemProperties() {
    }

    /** Sets {@code values}; {@link #close()} restores what was there before (or clears). */
    public static SystemProperties set(Map<String, String> values) {
        SystemProperties scope = new SystemProperties();
        values.forEach((name, value) -> scope.previous.put(name, System.setProperty(name, value)));
        return scope;
    }

    /** Remembers {@code names} as they are now, for {@link #close()} to restore. */
    public static SystemProperties remember(Iterable<String> names) {
        SystemProperties scope = new SystemProperties();
        names.forEach(name -> scope.previous.put(name, System.getProperty(name)));
        return scope;
    }

    @Override
    public void close() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
