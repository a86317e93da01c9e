package io.github.wschat.local.runner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.function.Supplier;

/**
 * A handler made on its first event, as Lambda makes one on a container's first invocation: its SDK
 * clients are built after the local API has set the endpoint properties. {@link LocalChat} hosts the
 * template's handlers this way (the routes' and the {@code $connect} authorizer's), and so does the
 * benchmarks' fan-out server. Made once, thread-safe.
 *
 * @param <I> the event type
 * @param <O> the response type
 */
public final class LazyHandler<I, O> implements RequestHandler<I, O> {

    private final Supplier<? extends RequestHandler<I, O>> make;
    private volatile RequestHandler<I, O> handler;

    /** A handler that {@code make} makes on the first event. */
    public LazyHandler(Supplier<? extends RequestHandler<I, O>> make) {
        this.make = make;
    }

    /**
     * A handler of the class the SAM template names, made by its public no-argument constructor. The
     * class's event and response types are the caller's to know, as they are the Lambda runtime's: a
     * mismatch fails on the first event.
     */
    @SuppressWarnings("unchecked")
    public static <I, O> LazyHandler<I, O> ofClass(String className) {
        return new LazyHandler<>(() -> {
            try {
                return (RequestHandler<I, O>) Class.forName(className).getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("cannot make the handler " + className + " the template names", e);
            }
        });
    }

    @Override
    public O handleRequest(I event, Context context) {
        RequestHandler<I, O> current = handler;
        if (current == null) {
            synchronized (this) {
                if (handler == null) {
                    handler = make.get();
                }
                current = handler;
            }
        }
        return current.handleRequest(event, context);
    }
}
