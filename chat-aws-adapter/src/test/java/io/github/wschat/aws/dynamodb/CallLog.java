package io.github.wschat.aws.dynamodb;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every DynamoDB call a client makes, by operation name ({@code Query}, {@code BatchWriteItem} …), and a
 * hook run before each, for tests that count calls or step in between them.
 */
final class CallLog implements ExecutionInterceptor {

    private final List<String> operations = new CopyOnWriteArrayList<>();
    private volatile Consumer<SdkRequest> beforeEach = request -> { };

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(context.request().getClass().getSimpleName().replaceFirst("Request$", ""));
        beforeEach.accept(context.request());
    }

    /** The calls made since the last {@link #reset}, in order. */
    List<String> operations() {
        return new ArrayList<>(operations);
    }

    /** Forgets the calls so far and the hook. */
    void reset() {
        operations.clear();
        beforeEach = request -> { };
    }

    /** Runs {@code hook} before every call from now on, on the calling thread; it may throw to fail the call. */
    void beforeEach(Consumer<SdkRequest> hook) {
        beforeEach = hook;
    }
}
