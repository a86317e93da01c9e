package io.github.wschat.aws.dynamodb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Building a store: defaults, and values refused before any call to DynamoDB. */
class DynamoDbConnectionStoreBuilderTest {

    /** Never called: building a store makes no call. */
    private static DynamoDbClient client;

    @BeforeAll
    static void createClient() {
        client = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("unused", "unused")))
                .build();
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static DynamoDbConnectionStore.Builder valid() {
        return DynamoDbConnectionStore.builder().dynamoDbClient(client).tableName("connections");
    }

    @Test
    void given_only_the_required_values_when_built_then_defaults_apply() {
        DynamoDbConnectionStore store = valid().build();

        assertThat(store.tableName()).isEqualTo("connections");
        assertThat(store.ttlAttributeName()).isEqualTo("ttl");
        assertThat(store.ttlDuration()).isEqualTo(Duration.ofHours(2).plusMinutes(15));
        assertThat(store.scanSegments()).isEqualTo(1);
    }

    @Test
    void given_a_store_when_rebuilt_from_it_then_every_setting_is_kept_but_the_changed_one() {
        DynamoDbConnectionStore store = valid().ttlAttributeName("expiresAt").ttlDuration(Duration.ofHours(3))
                .clock(Clock.systemUTC()).scanSegments(4).build();

        DynamoDbConnectionStore copy = store.toBuilder().tableName("other").build();

        assertThat(copy.toString()).isEqualTo(store.toString().replace("table=connections", "table=other"));
    }

    @Test
    void given_no_client_when_built_then_refused_naming_it() {
        assertThatIllegalStateException().isThrownBy(() -> DynamoDbConnectionStore.builder().tableName("t").build())
                .withMessageContaining("dynamoDbClient is required");
    }

    @Test
    void given_no_or_a_blank_table_name_when_built_then_refused_naming_it() {
        assertThatIllegalStateException().isThrownBy(() -> DynamoDbConnectionStore.builder().dynamoDbClient(client).build())
                .withMessageContaining("tableName is required");
        assertThatIllegalStateException().isThrownBy(() -> valid().tableName(" ").build())
                .withMessageContaining("tableName is required");
    }

    @Test
    void given_a_ttl_attribute_that_is_blank_or_another_attribute_when_built_then_refused() {
        assertThatIllegalStateException().isThrownBy(() -> valid().ttlAttributeName("").build())
                .withMessageContaining("ttlAttributeName");
        assertThatIllegalStateException().isThrownBy(() -> valid().ttlAttributeName("connectedAt").build())
                .withMessageContaining("ttlAttributeName must differ");
        for (String userAttribute : List.of("userId", "userName", "rooms")) {
            assertThatIllegalStateException().isThrownBy(() -> valid().ttlAttributeName(userAttribute).build())
                    .withMessageContaining("ttlAttributeName must differ");
        }
    }

    @Test
    void given_a_ttl_duration_that_is_not_positive_when_built_then_refused() {
        assertThatIllegalStateException().isThrownBy(() -> valid().ttlDuration(Duration.ZERO).build())
                .withMessageContaining("ttlDuration must be positive");
        assertThatIllegalStateException().isThrownBy(() -> valid().ttlDuration(Duration.ofSeconds(-1)).build())
                .withMessageContaining("ttlDuration must be positive");
        assertThatIllegalStateException().isThrownBy(() -> valid().ttlDuration(null).build())
                .withMessageContaining("ttlDuration must be positive");
    }

    @Test
    void given_no_clock_when_built_then_refused() {
        assertThatIllegalStateException().isThrownBy(() -> valid().clock(null).build())
                .withMessageContaining("clock");
    }

    @Test
    void given_a_segment_count_out_of_range_when_built_then_refused() {
        assertThatIllegalStateException().isThrownBy(() -> valid().scanSegments(0).build())
                .withMessageContaining("scanSegments must be 1 to 100, is 0");
        // DynamoDB would take a million, but each segment is a Scan call and a thread on every page
        assertThatIllegalStateException().isThrownBy(() -> valid().scanSegments(101).build())
                .withMessageContaining("scanSegments must be 1 to 100, is 101");
        assertThat(valid().scanSegments(100).build().scanSegments()).isEqualTo(100);
    }
}
