package io.github.wschat.testkit.dynamodb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class DynamoDbLocalServerTest {

    @Test
    void it_serves_a_table_of_the_connections_layout_over_http() throws Exception {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start()) {
            ConnectionsTableLayout.assertServesAConnectionsTable(server.newClient());
        }
    }

    @Test
    void it_listens_on_127_0_0_1_only() throws Exception {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start()) {
            assertThat(server.host()).isEqualTo("127.0.0.1");
            assertThat(server.endpoint()).hasToString("http://127.0.0.1:" + server.port());
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 5_000);
                assertThat(loopback.isConnected()).isTrue();
            }

            List<InetAddress> others = nonLoopbackAddresses();
            assumeFalse(others.isEmpty(), "this machine has no address but loopback to try");
            for (InetAddress other : others) {
                assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(other, server.port()), 5_000);
                    }
                }).as("a connection to %s:%d", other.getHostAddress(), server.port()).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void one_database_for_every_client_whatever_its_region_and_keys() throws Exception {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start();
             DynamoDbClient elsewhere = DynamoDbLocalClients.builder(server.endpoint()).region(Region.US_EAST_1).build()) {
            String table = DynamoDbTables.createConnectionsTable(server.newClient());

            assertThat(elsewhere.listTables().tableNames()).containsExactly(table);
            assertThat(DynamoDbLocalClients.client(server.endpoint()).listTables().tableNames()).containsExactly(table);
        }
    }

    @Test
    void its_clients_interceptors_see_every_call() throws Exception {
        List<Object> requests = new CopyOnWriteArrayList<>();
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start()) {
            DynamoDbClient client = server.newClient(new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    requests.add(context.request());
                }
            });

            client.listTables();

            assertThat(requests).singleElement().isInstanceOf(ListTablesRequest.class);
        }
    }

    @Test
    void once_the_server_is_stopped_its_clients_fail_to_connect() throws Exception {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start()) {
            DynamoDbClient client = server.newClient(ClientOverrideConfiguration.builder()
                    .retryStrategy(AwsRetryStrategy.doNotRetry()).build());
            client.listTables();

            server.stopServer();

            assertThatThrownBy(client::listTables).isInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void two_servers_have_two_ports_and_two_databases() throws Exception {
        try (DynamoDbLocalServer first = DynamoDbLocalServer.start();
             DynamoDbLocalServer second = DynamoDbLocalServer.start()) {
            DynamoDbTables.createConnectionsTable(first.newClient(), "only-in-the-first");

            assertThat(first.port()).isNotEqualTo(second.port());
            assertThat(second.newClient().listTables().tableNames()).isEmpty();
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(network -> Collections.list(network.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .toList();
    }
}
