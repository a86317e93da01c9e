package io.github.wschat.local.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RouteSelectorTest {

    private final RouteSelector action = new RouteSelector(List.of("action"));

    @Test
    void given_a_json_object_with_the_key_then_its_scalar_value_is_selected() {
        assertThat(action.select("{\"action\":\"sendmessage\",\"message\":\"hi\"}")).hasValue("sendmessage");
        assertThat(action.select("{\"action\":42}")).hasValue("42");
        assertThat(action.select("{\"action\":true}")).hasValue("true");
        assertThat(action.select(" {\"action\" : \"x\"} ")).hasValue("x");
    }

    @Test
    void given_anything_else_then_nothing_is_selected() {
        assertThat(action.select("hello")).isEmpty();
        assertThat(action.select("")).isEmpty();
        assertThat(action.select("{\"action\":")).isEmpty();
        assertThat(action.select("[\"action\"]")).isEmpty();
        assertThat(action.select("\"action\"")).isEmpty();
        assertThat(action.select("{\"other\":\"x\"}")).isEmpty();
        assertThat(action.select("{\"action\":null}")).isEmpty();
        assertThat(action.select("{\"action\":{\"a\":1}}")).isEmpty();
        assertThat(action.select("{\"action\":[1]}")).isEmpty();
    }

    @Test
    void given_a_dotted_path_then_it_is_followed_through_objects() {
        RouteSelector nested = new RouteSelector(List.of("meta", "type"));
        assertThat(nested.select("{\"meta\":{\"type\":\"join\"}}")).hasValue("join");
        assertThat(nested.select("{\"meta\":\"join\"}")).isEmpty();
        assertThat(nested.select("{\"type\":\"join\"}")).isEmpty();
    }
}
