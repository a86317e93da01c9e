package io.github.wschat.local.runner;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LazyHandlerTest {

    @Test
    void the_handler_is_made_on_the_first_event_and_only_once_when_events_race() throws Exception {
        AtomicInteger made = new AtomicInteger();
        LazyHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> lazy = new LazyHandler<>(() -> {
            made.incrementAndGet();
            return (event, context) -> {
                APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
                response.setStatusCode(200);
                return response;
            };
        });
        assertThat(made).as("made before any event").hasValue(0);

        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<APIGatewayV2WebSocketResponse>> responses = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return lazy.handleRequest(new APIGatewayV2WebSocketEvent(), null);
                }));
            }
            start.countDown();
            for (Future<APIGatewayV2WebSocketResponse> response : responses) {
                assertThat(response.get(30, TimeUnit.SECONDS).getStatusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(made).hasValue(1);
    }

    @Test
    void a_class_that_is_no_handler_fails_on_the_first_event_naming_it() {
        RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> lazy = LazyHandler.ofClass("java.lang.String");

        assertThatThrownBy(() -> lazy.handleRequest(new APIGatewayV2WebSocketEvent(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.lang.String")
                .hasCauseInstanceOf(ClassCastException.class);
    }
}
