package io.github.wschat.local.runner;

import io.github.wschat.testkit.connections.Fault;
import io.github.wschat.testkit.connections.FaultInjection;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** With the @connections API failing 20 % of calls with 429 and 5 % with 500, the SDK's retries still reach everyone. */
class FaultInjectionTest {

    @Test
    void every_live_recipient_still_receives_every_message() throws Exception {
        List<WebSocketTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                clients.add(RunningChat.connect());
            }
            RunningChat.CHAT.api().injectFaults(FaultInjection.builder().seed(20261125)
                    .fail(Fault.LIMIT_EXCEEDED, 0.20)
                    .fail(Fault.INTERNAL_SERVER_ERROR, 0.05)
                    .build());

            for (int i = 0; i < clients.size(); i++) {
                clients.get(i).send("{\"action\":\"sendmessage\",\"message\":\"m" + i + "\"}");
            }

            for (int i = 0; i < clients.size(); i++) {
                List<String> expected = new ArrayList<>();
                for (int j = 0; j < clients.size(); j++) {
                    if (j != i) {
                        expected.add("m" + j);
                    }
                }
                assertThat(clients.get(i).next(9)).containsExactlyInAnyOrderElementsOf(expected);
            }
            assertThat(RunningChat.CHAT.api().injectedFailureCount()).as("faults were injected").isGreaterThan(5);
        } finally {
            RunningChat.CHAT.api().injectFaults(FaultInjection.none());
            clients.forEach(WebSocketTestClient::close);
        }
    }
}
