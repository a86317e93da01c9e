package io.github.wschat.example;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExampleConfigurationTest {

    @Test
    void the_table_comes_from_table_name() {
        assertThat(ExampleConfiguration.from(Map.of("TABLE_NAME", "chat", "table", "old"), null).tableName())
                .isEqualTo("chat");
    }

    @Test
    void the_tutorials_table_variable_is_the_fallback() {
        assertThat(ExampleConfiguration.from(Map.of("table", "simplechat_connections"), null).tableName())
                .isEqualTo("simplechat_connections");
        assertThat(ExampleConfiguration.from(Map.of("TABLE_NAME", " ", "table", "t"), null).tableName()).isEqualTo("t");
    }

    @Test
    void without_a_table_the_error_says_what_to_set() {
        assertThatThrownBy(() -> ExampleConfiguration.from(Map.of(), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TABLE_NAME");
    }

    @Test
    void the_connections_endpoint_is_the_sdks_standard_setting_and_the_property_wins() {
        Map<String, String> environment = Map.of("TABLE_NAME", "chat",
                "AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI", "https://chat.example.com/v1");

        assertThat(ExampleConfiguration.from(environment, null).explicitConnectionsEndpoint())
                .contains(URI.create("https://chat.example.com/v1"));
        assertThat(ExampleConfiguration.from(environment, "http://127.0.0.1:8080/production").explicitConnectionsEndpoint())
                .contains(URI.create("http://127.0.0.1:8080/production"));
        assertThat(ExampleConfiguration.from(Map.of("TABLE_NAME", "chat"), null).explicitConnectionsEndpoint()).isEmpty();
    }

    @Test
    void rooms_are_off_without_their_tables_and_on_with_both_keeping_messages_7_days_by_default() {
        assertThat(ExampleConfiguration.from(Map.of("TABLE_NAME", "chat"), null).rooms()).isEmpty();

        assertThat(ExampleConfiguration.from(Map.of("TABLE_NAME", "chat", "MEMBERSHIPS_TABLE_NAME", "members",
                "MESSAGES_TABLE_NAME", "messages"), null).rooms())
                .contains(new ExampleConfiguration.RoomTables("members", "messages", Duration.ofDays(7)));
        assertThat(ExampleConfiguration.from(Map.of("TABLE_NAME", "chat", "MEMBERSHIPS_TABLE_NAME", "members",
                "MESSAGES_TABLE_NAME", "messages", "MESSAGE_RETENTION_DAYS", "30"), null).rooms().orElseThrow()
                .messageRetention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void one_room_table_without_the_other_or_a_bad_retention_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> ExampleConfiguration.from(Map.of("TABLE_NAME", "chat", "MEMBERSHIPS_TABLE_NAME", "m"), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MESSAGES_TABLE_NAME is missing");
        assertThatThrownBy(() -> ExampleConfiguration.from(Map.of("TABLE_NAME", "chat", "MESSAGES_TABLE_NAME", "m"), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MEMBERSHIPS_TABLE_NAME is missing");
        for (String days : new String[] {"0", "-1", "seven", "1.5"}) {
            assertThatThrownBy(() -> ExampleConfiguration.from(Map.of("TABLE_NAME", "chat", "MEMBERSHIPS_TABLE_NAME", "m",
                    "MESSAGES_TABLE_NAME", "n", "MESSAGE_RETENTION_DAYS", days), null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("MESSAGE_RETENTION_DAYS");
        }
    }
}
