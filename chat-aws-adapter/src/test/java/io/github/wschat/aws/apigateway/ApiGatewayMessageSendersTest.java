package io.github.wschat.aws.apigateway;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.testkit.connections.LoopbackConnectionsApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiGatewayMessageSendersTest {

    private static final URI PRODUCTION = URI.create("https://abc123.execute-api.eu-west-1.amazonaws.com/production");
    private static final URI STAGING = URI.create("https://abc123.execute-api.eu-west-1.amazonaws.com/staging");
    /** JVM-wide daemon threads of HttpURLConnection's keep-alive cache, which no client owns. */
    private static final Set<String> JDK_KEEP_ALIVE_THREADS = Set.of("Keep-Alive-Timer", "Keep-Alive-SocketCleaner");

    /** Counts the senders (and so the SDK clients) made: each one runs the settings once. */
    private final AtomicInteger sendersMade = new AtomicInteger();
    private ApiGatewayMessageSenders senders;

    @AfterEach
    void close() {
        if (senders != null) {
            senders.close();
        }
    }

    private ApiGatewayMessageSenders.Builder counting() {
        return ApiGatewayMessageSenders.builder().senderSettings(builder -> {
            sendersMade.incrementAndGet();
            TestSenders.withTestSettings(builder);
        });
    }

    @Test
    void given_the_same_endpoint_twice_then_the_same_sender_and_one_client() {
        senders = counting().build();

        ApiGatewayMessageSender first = senders.forEndpoint(PRODUCTION);
        ApiGatewayMessageSender second = senders.forEndpoint(URI.create(PRODUCTION.toString()));

        assertThat(second).isSameAs(first);
        assertThat(sendersMade).hasValue(1);
        assertThat(first.endpoint()).contains(PRODUCTION);
    }

    @Test
    void given_spellings_of_one_endpoint_then_the_same_sender() {
        senders = counting().build();

        ApiGatewayMessageSender plain = senders.forEndpoint(PRODUCTION);

        assertThat(senders.forEndpoint(URI.create(PRODUCTION + "/"))).isSameAs(plain);
        assertThat(senders.forEndpoint(URI.create("HTTPS://ABC123.execute-api.eu-west-1.amazonaws.com/production")))
                .isSameAs(plain);
        assertThat(sendersMade).hasValue(1);
    }

    @Test
    void given_different_endpoints_then_different_senders_and_clients() {
        senders = counting().build();

        ApiGatewayMessageSender production = senders.forEndpoint(PRODUCTION);
        ApiGatewayMessageSender staging = senders.forEndpoint(STAGING);

        assertThat(staging).isNotSameAs(production);
        assertThat(production.endpoint()).contains(PRODUCTION);
        assertThat(staging.endpoint()).contains(STAGING);
        assertThat(sendersMade).hasValue(2);
    }

    @Test
    void given_many_threads_asking_for_one_endpoint_at_once_then_one_sender_is_made() throws Exception {
        senders = counting().build();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ApiGatewayMessageSender>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(callers.submit(() -> {
                    start.await();
                    return senders.forEndpoint(PRODUCTION);
                }));
            }
            start.countDown();
            Set<ApiGatewayMessageSender> distinct = new HashSet<>();
            for (Future<ApiGatewayMessageSender> result : results) {
                distinct.add(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(distinct).hasSize(1);
            assertThat(sendersMade).hasValue(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void the_endpoint_of_an_event_is_https_domain_name_slash_stage() {
        assertThat(ApiGatewayMessageSenders.endpointOf("abc123.execute-api.eu-west-1.amazonaws.com", "production"))
                .isEqualTo(PRODUCTION);
    }

    @ParameterizedTest
    @CsvSource({
            "abc123.execute-api.eu-west-1.amazonaws.com, $default, https://abc123.execute-api.eu-west-1.amazonaws.com/$default",
            "localhost:3001, local, https://localhost:3001/local",
            "192.0.2.10:8443, dev_2, https://192.0.2.10:8443/dev_2",
            "[::1]:8443, production, https://[::1]:8443/production",
            "[2001:db8::7], production, https://[2001:db8::7]/production"
    })
    void a_stage_of_dollar_default_and_domains_with_ports_or_ip_literals_make_an_endpoint(
            String domainName, String stage, String endpoint) {
        assertThat(ApiGatewayMessageSenders.endpointOf(domainName, stage)).isEqualTo(URI.create(endpoint));
    }

    @ParameterizedTest
    @CsvSource({
            "evil.example.com/x, production",
            "user@evil.example.com, production",
            "evil.example.com#, production",
            "'', production",
            "abc123.execute-api.eu-west-1.amazonaws.com, ../admin",
            "abc123.execute-api.eu-west-1.amazonaws.com, prod/x",
            "abc123.execute-api.eu-west-1.amazonaws.com, prod?x=1",
            "abc123.execute-api.eu-west-1.amazonaws.com, ''",
            "abc123.execute-api.eu-west-1.amazonaws.com, $",
            "[::1, production",
            "[::1]x, production",
            "[zz::1], production",
            "[:::::], production",
            // characters of a host name that make no host
            "'..', production",
            "-evil.example.com, production",
            // a port no socket has
            "localhost:99999, production"
    })
    void a_domain_name_or_stage_that_would_change_the_uri_is_refused(String domainName, String stage) {
        assertThatThrownBy(() -> ApiGatewayMessageSenders.endpointOf(domainName, stage))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_domain_name_or_stage_longer_than_dns_or_api_gateway_allow_is_refused() {
        String label = "a".repeat(63);
        String longestHost = String.join(".", label, label, label, "a".repeat(61));

        assertThat(ApiGatewayMessageSenders.endpointOf(longestHost, "s".repeat(128))).isNotNull();
        assertThatThrownBy(() -> ApiGatewayMessageSenders.endpointOf(longestHost + "a", "production"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domainName");
        assertThatThrownBy(() -> ApiGatewayMessageSenders.endpointOf(longestHost, "s".repeat(129)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stage");
    }

    @Test
    void without_an_explicit_endpoint_the_event_domain_and_stage_choose_the_sender() {
        senders = counting().build();

        ApiGatewayMessageSender sender = senders.forDomainAndStage("abc123.execute-api.eu-west-1.amazonaws.com", "staging");

        assertThat(sender.endpoint()).contains(STAGING);
        assertThat(senders.forEndpoint(STAGING)).isSameAs(sender);
    }

    @Test
    void an_explicit_endpoint_wins_over_the_event_domain_and_stage() {
        URI custom = URI.create("https://chat.example.com/v1");
        senders = counting().endpoint(custom).build();

        ApiGatewayMessageSender fromEvent = senders.forDomainAndStage("chat.example.com", "production");

        assertThat(fromEvent.endpoint()).contains(custom);
        assertThat(senders.forDomainAndStage("abc123.execute-api.eu-west-1.amazonaws.com", "staging"))
                .isSameAs(fromEvent);
        assertThat(senders.explicitEndpoint()).contains(custom);
        assertThat(sendersMade).hasValue(1);
    }

    @Test
    void a_sender_from_the_cache_reaches_its_endpoint() {
        try (LoopbackConnectionsApi api = LoopbackConnectionsApi.start()) {
            senders = counting().endpoint(api.endpoint()).build();
            ConnectionId id = ConnectionId.of(api.connect("cached"));

            DeliveryOutcome first = senders.forDomainAndStage("ignored.example.com", "ignored")
                    .send(id, MessagePayload.of("one"));
            DeliveryOutcome second = senders.forDomainAndStage("ignored.example.com", "ignored")
                    .send(id, MessagePayload.of("two"));

            assertThat(first.isDelivered()).isTrue();
            assertThat(second.isDelivered()).isTrue();
            assertThat(api.receivedBy(id.value())).containsExactly("one", "two");
            assertThat(sendersMade).hasValue(1);
        }
    }

    @Test
    void once_closed_no_sender_is_handed_out() {
        senders = counting().build();
        senders.forEndpoint(PRODUCTION);

        senders.close();

        assertThatThrownBy(() -> senders.forEndpoint(PRODUCTION)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> senders.forEndpoint(STAGING)).isInstanceOf(IllegalStateException.class);
    }

    /*
     * Each SDK client runs a scheduler of its own for the API call timeout, whose threads start with
     * the first calls: closing the senders must end them, or every closed client would leave its
     * threads behind. The loopback servers' threads and the JDK's keep-alive helpers (one per JVM, shared
     * by every HttpURLConnection) are not the clients'.
     */
    @Test
    void once_closed_no_thread_of_the_sdk_clients_is_left() throws InterruptedException {
        try (LoopbackConnectionsApi production = LoopbackConnectionsApi.start();
             LoopbackConnectionsApi staging = LoopbackConnectionsApi.start()) {
            Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
            senders = counting().build();
            for (LoopbackConnectionsApi api : List.of(production, staging)) {
                ConnectionId id = ConnectionId.of(api.connect("threads"));
                assertThat(senders.forEndpoint(api.endpoint()).send(id, MessagePayload.of("hi")).isDelivered()).isTrue();
            }
            List<Thread> clientThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> !before.contains(thread))
                    .filter(thread -> !thread.getName().startsWith("wschat-loopback-connections-"))
                    .filter(thread -> !JDK_KEEP_ALIVE_THREADS.contains(thread.getName()))
                    .toList();
            assertThat(sendersMade).hasValue(2);
            assertThat(clientThreads).extracting(Thread::getName).anyMatch(name -> name.startsWith("sdk-ScheduledExecutor"));

            senders.close();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (Thread thread : clientThreads) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            assertThat(clientThreads).filteredOn(Thread::isAlive).extracting(Thread::getName).isEmpty();
        }
    }

    @Test
    void an_explicit_endpoint_must_be_absolute() {
        assertThatThrownBy(() -> ApiGatewayMessageSenders.builder().endpoint(URI.create("/production")).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
