package io.github.wschat.core.contract;

import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.out.ConnectionPage;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * What every {@link ConnectionStore} must do. An adapter's test extends this class and says how to
 * make an empty store; every test here then runs against that adapter.
 *
 * <pre>{@code
 * class MyConnectionStoreContractTest extends ConnectionStoreContract {
 *     protected ConnectionStore createEmptyStore() { return new MyConnectionStore(…); }
 * }
 * }</pre>
 */
public abstract class ConnectionStoreContract {

    /** Stores keep at least millisecond precision; tests use instants at that precision. */
    protected static final Instant CONNECTED_AT = Instant.parse("2026-11-25T10:15:30.123Z");

    /** Saves and removes the concurrency test does after the first page is read and before the second. */
    private static final int CHURN_BEFORE_SECOND_PAGE = 200;

    /** A verified user with grants of every shape, in an order that is not sorted. */
    protected static final UserIdentity ALICE = UserIdentity.of("7c9e6679-7425-40de-944b-e07fc1f90ae7", "Alice Ø'\"<b>",
            List.of("private-team-*", "lobby", "private-ops-eu", "a:b.c_d"));

    private ConnectionStore store;

    /** A new store holding no connection; called before each test. */
    protected abstract ConnectionStore createEmptyStore();

    /** How many connections the paging tests store; adapters backed by slow engines may lower it. */
    protected int pagingSampleSize() {
        return 1_234;
    }

    @BeforeEach
    void setUpStore() {
        store = createEmptyStore();
    }

    protected ConnectionStore store() {
        return store;
    }

    protected static Connection connection(String id) {
        return Connection.of(ConnectionId.of(id), CONNECTED_AT, ClientIdentity.of("203.0.113.10", "wscat/6.1.0"));
    }

    @Test
    void given_a_saved_connection_when_found_then_every_field_is_kept() {
        Connection saved = connection("Bq3xkcNyoAMCJpQ=");
        store.save(saved);

        assertThat(store.find(saved.id())).contains(saved);
    }

    @Test
    void given_a_connection_with_unknown_identity_when_found_then_identity_is_unknown() {
        Connection saved = Connection.of(ConnectionId.of("anonymous"), CONNECTED_AT, ClientIdentity.UNKNOWN);
        store.save(saved);

        assertThat(store.find(saved.id())).contains(saved);
    }

    @Test
    void given_no_connection_when_found_then_empty() {
        assertThat(store.find(ConnectionId.of("missing"))).isEmpty();
    }

    @Test
    void given_a_connection_with_a_user_when_found_then_the_user_is_kept_with_its_grants_in_their_order() {
        Connection saved = Connection.of(ConnectionId.of("Bq3xkcNyoAMCJpQ="), CONNECTED_AT,
                ClientIdentity.of("203.0.113.10", "wscat/6.1.0"), ALICE);
        store.save(saved);
        store.save(connection("L0SM9cOFvHcCIhw="));

        Connection found = store.find(saved.id()).orElseThrow();

        assertThat(found).isEqualTo(saved);
        assertThat(found.user().roomGrants()).containsExactly("private-team-*", "lobby", "private-ops-eu", "a:b.c_d");
        assertThat(store.find(ConnectionId.of("Bq3xkcNyoAMCJpR="))).as("an unknown id among users").isEmpty();
    }

    @Test
    void given_an_anonymous_users_connection_when_found_then_it_is_that_connections_anonymous_user() {
        ConnectionId id = ConnectionId.of("Bq3yBfgkoAMCKlw=");
        store.save(Connection.of(id, CONNECTED_AT, ClientIdentity.UNKNOWN, UserIdentity.anonymous(id)));

        assertThat(store.find(id)).map(Connection::user)
                .contains(UserIdentity.of("anon:Bq3yBfgkoAMCKlw=", "anonymous", List.of()));
    }

    @Test
    void given_a_user_without_grants_when_found_then_the_user_has_no_grants() {
        UserIdentity bob = UserIdentity.of("auth0|5f7c8ec7c33c6c004bbafe82", "bob", List.of());
        Connection saved = Connection.of(ConnectionId.of("B"), CONNECTED_AT, ClientIdentity.UNKNOWN, bob);
        store.save(saved);

        assertThat(store.find(saved.id())).contains(saved);
    }

    @Test
    void given_the_largest_user_a_connection_can_have_when_found_then_it_is_kept_whole() {
        List<String> grants = IntStream.range(0, UserIdentity.MAX_ROOM_GRANTS)
                .mapToObj(i -> String.format("private-%056d", i)).toList();
        UserIdentity largest = UserIdentity.of("u".repeat(UserIdentity.MAX_USER_ID_LENGTH),
                "Ñ".repeat(UserIdentity.MAX_NAME_LENGTH), grants);
        Connection saved = Connection.of(ConnectionId.of("L"), CONNECTED_AT, ClientIdentity.UNKNOWN, largest);
        store.save(saved);

        assertThat(store.find(saved.id())).contains(saved);
    }

    @Test
    void given_a_connection_of_a_user_when_saved_again_for_another_user_then_the_user_and_grants_are_replaced() {
        ConnectionId id = ConnectionId.of("A");
        store.save(Connection.of(id, CONNECTED_AT, ClientIdentity.UNKNOWN, ALICE));
        Connection later = Connection.of(id, CONNECTED_AT, ClientIdentity.UNKNOWN, UserIdentity.anonymous(id));

        store.save(later);

        assertThat(store.find(id)).contains(later);
    }

    @Test
    void given_a_connection_of_a_user_when_paged_then_it_comes_with_its_user_or_as_the_port_allows_its_anonymous_one() {
        ConnectionId id = ConnectionId.of("A");
        store.save(Connection.of(id, CONNECTED_AT, ClientIdentity.UNKNOWN, ALICE));

        assertThat(store.findPage(PageRequest.first(10)).connections()).singleElement().satisfies(paged -> {
            assertThat(paged.id()).isEqualTo(id);
            assertThat(paged.user()).isIn(ALICE, UserIdentity.anonymous(id));
        });
    }

    @Test
    void given_a_saved_connection_when_saved_again_then_it_is_replaced() {
        store.save(connection("A"));
        Connection later = Connection.of(ConnectionId.of("A"), CONNECTED_AT.plus(1, ChronoUnit.HOURS), ClientIdentity.UNKNOWN);

        store.save(later);

        assertThat(store.find(later.id())).contains(later);
        assertThat(allIds(PageRequest.DEFAULT_SIZE)).containsExactly("A");
    }

    @Test
    void given_a_saved_connection_when_removed_then_it_is_gone() {
        store.save(connection("A"));
        store.save(connection("B"));

        store.remove(ConnectionId.of("A"));

        assertThat(store.find(ConnectionId.of("A"))).isEmpty();
        assertThat(allIds(PageRequest.DEFAULT_SIZE)).containsExactly("B");
    }

    @Test
    void removing_a_connection_that_is_not_there_does_nothing() {
        store.save(connection("A"));

        assertThatCode(() -> {
            store.remove(ConnectionId.of("missing"));
            store.remove(ConnectionId.of("missing"));
        }).doesNotThrowAnyException();
        assertThat(allIds(PageRequest.DEFAULT_SIZE)).containsExactly("A");
    }

    @Test
    void given_an_empty_store_when_paged_then_one_last_empty_page() {
        ConnectionPage page = store.findPage(PageRequest.first(10));

        assertThat(page.connections()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void given_many_connections_when_paged_then_each_comes_exactly_once_in_bounded_pages() {
        Set<String> saved = IntStream.range(0, pagingSampleSize()).mapToObj(i -> "conn-" + i).collect(Collectors.toSet());
        saved.forEach(id -> store.save(connection(id)));

        List<Integer> pageSizes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(100);
        while (true) {
            ConnectionPage page = store.findPage(request);
            pageSizes.add(page.connections().size());
            page.connections().forEach(c -> seen.add(c.id().value()));
            if (page.next().isEmpty()) {
                break;
            }
            request = request.after(page.next().get());
        }

        assertThat(seen).hasSize(saved.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(saved);
        assertThat(pageSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(100));
        assertThat(pageSizes.size()).isGreaterThanOrEqualTo(saved.size() / 100);
    }

    @Test
    void given_concurrent_saves_and_removes_when_paged_then_connections_present_throughout_come_exactly_once()
            throws Exception {
        List<String> stable = IntStream.range(0, 300).mapToObj(i -> String.format("stable-%05d", i)).toList();
        stable.forEach(id -> store.save(connection(id)));
        AtomicBoolean iterating = new AtomicBoolean(true);
        AtomicInteger churnOperations = new AtomicInteger();
        CountDownLatch firstPageRead = new CountDownLatch(1);
        CountDownLatch churnedEnough = new CountDownLatch(CHURN_BEFORE_SECOND_PAGE);
        ExecutorService churn = Executors.newSingleThreadExecutor();
        Future<Integer> churned = churn.submit(() -> {
            if (!firstPageRead.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the iteration never read its first page");
            }
            int operations = 0;
            for (int round = 0; iterating.get() || operations < CHURN_BEFORE_SECOND_PAGE; round++) {
                // a churned id sorts right after a stable one, so in an ordered store the churn lands
                // among the pages still to come, not all before or after them
                String id = stable.get(round % stable.size()) + "-churn-" + round;
                store.save(connection(id));
                churnOperations.incrementAndGet();
                churnedEnough.countDown();
                store.remove(ConnectionId.of(id));
                churnOperations.incrementAndGet();
                churnedEnough.countDown();
                operations += 2;
            }
            return operations;
        });
        try {
            // the churn starts once the first page is read, and the second page waits for some of it
            List<String> seen = new ArrayList<>();
            PageRequest request = PageRequest.first(17);
            ConnectionPage page = store.findPage(request);
            int churnAtFirstPage = churnOperations.get();
            int churnAtLastPage = churnAtFirstPage;
            firstPageRead.countDown();
            assertThat(churnedEnough.await(60, TimeUnit.SECONDS)).as("the churn got going").isTrue();
            while (true) {
                page.connections().forEach(c -> seen.add(c.id().value()));
                if (page.next().isEmpty()) {
                    break;
                }
                request = request.after(page.next().get());
                page = store.findPage(request);
                churnAtLastPage = churnOperations.get();
            }
            iterating.set(false);

            assertThat(churnAtLastPage - churnAtFirstPage).as("saves and removes between the first and the last page")
                    .isGreaterThanOrEqualTo(CHURN_BEFORE_SECOND_PAGE);
            assertThat(seen.stream().filter(id -> !id.contains("-churn-")).toList())
                    .hasSameSizeAs(stable).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(stable);
            assertThat(churned.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(CHURN_BEFORE_SECOND_PAGE);
        } finally {
            iterating.set(false);
            churn.shutdownNow();
        }
    }

    /** Every id, walking all pages of the given size. */
    protected List<String> allIds(int pageSize) {
        List<String> ids = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            ConnectionPage page = store.findPage(request);
            page.connections().forEach(c -> ids.add(c.id().value()));
            if (page.next().isEmpty()) {
                return ids;
            }
            request = request.after(page.next().get());
        }
    }
}
