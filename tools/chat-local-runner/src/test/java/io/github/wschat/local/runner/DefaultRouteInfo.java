package io.github.wschat.local.runner;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.testkit.websocket.WebSocketTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The tutorial's {@code $default} answer, which tells a client its own connection id. */
final class DefaultRouteInfo {

    private static final String PREFIX = "Use the sendmessage route to send a message. Your info:";

    private DefaultRouteInfo() {
    }

    /**
     * Asks the chat who the client is: sends a message no route takes and reads the {@code connectionID} of
     * {@code $default}'s answer, which must be the client's next message (so: before it joins any room).
     */
    static String connectionIdOf(WebSocketTestClient client) throws Exception {
        client.send("who am I?");
        String info = client.next();
        assertThat(info).as("the $default answer").startsWith(PREFIX);
        Object id = JSON.std.mapFrom(info.substring(PREFIX.length())).get("connectionID");
        assertThat(id).as("the connectionID in %s", info).isInstanceOf(String.class);
        return (String) id;
    }
}
