package io.github.wschat.benchmarks.fanout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

import java.util.function.Supplier;

/**
 * A handler made on its first event, as Lambda makes one on a container's first invocation (and as
 * {@code LocalChat} does): its SDK clients are built after the server has set the endpoint properties.
 */
final class LazyHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final Supplier<RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> make;
    private volatile RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler;

    LazyHandler(Supplier<RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> make) {
        this.make = make;
    }

    /** A handler of the class the SAM template names, made by its public no-argument constructor. */
    @SuppressWarnings("unchecked")
    static LazyHandler ofClass(String className) {
        return new LazyHandler(() -> {
            try {
                return (RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>)
                        Class.forName(className).getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("cannot make the handler " + className, e);
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
