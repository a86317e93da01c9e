package io.github.wschat.local.runner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

import java.util.function.Supplier;

/**
 * A handler made on its first event, as Lambda makes one on a container's first invocation: its SDK
 * clients are built after the local API has set the endpoint properties. {@link LocalChat} hosts the
 * template's handlers this way, and so does the benchmarks' fan-out server. Made once, thread-safe.
 */
public final class LazyHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final Supplier<RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> make;
    private volatile RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler;

    /** A handler that {@code make} makes on the first event. */
    public LazyHandler(Supplier<RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> make) {
        this.make = make;
    }

    /** A handler of the class the SAM template names, made by its public no-argument constructor. */
    @SuppressWarnings("unchecked")
    public static LazyHandler ofClass(String className) {
        return new LazyHandler(() -> {
            try {
                return (RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>)
                        Class.forName(className).getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("cannot make the handler " + className + " the template names", e);
            }
        });
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> current = handler;
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
