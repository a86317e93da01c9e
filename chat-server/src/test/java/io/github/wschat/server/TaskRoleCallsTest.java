package io.github.wschat.server;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.Membership;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.aws.dynamodb.DynamoDbRoomMembership;
import io.github.wschat.server.template.ServerTemplateTest;
import io.github.wschat.testkit.connections.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Least privilege, shown by what the server does: every DynamoDB call the server makes over all its calls (a post,
 * its retry, a failed post and its retry, a post whose fan-out meets a gone connection, history, members, a private room's refusal and grant) is
 * recorded by operation, table and index, and the template's task role grants exactly those, and
 * {@code execute-api:ManageConnections} only for the {@code POST}s it makes. A failed write is injected once, for
 * the failure path's call (the claim of a seq freed).
 */
class TaskRoleCallsTest {

    private static final Set<String> CALLS = new ConcurrentSkipListSet<>();
    private static final AtomicBoolean FAIL_NEXT_TRANSACTION = new AtomicBoolean();
    private static ServerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = ServerFixture.start(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                record(context.request());
                if (context.request() instanceof TransactWriteItemsRequest && FAIL_NEXT_TRANSACTION.getAndSet(false)) {
                    throw SdkClientException.create("injected: the message's write fails");
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void the_task_role_grants_exactly_the_calls_the_server_makes() throws Exception {
        fixture.member("role", "role-bob", "bob");
        // a member whose connection is gone: the fan-out meets 410 and removes it from the store and its rooms
        DynamoDbRoomMembership.builder().dynamoDbClient(fixture.dynamoDb).tableName(fixture.memberships).build()
                .join(Membership.of(RoomName.of("role"), ConnectionId.of("role-gone"), new UserRef("gone", "gone"),
                        Instant.now()));
        String token = fixture.token("alice", "private-team-*");

        assertThat(fixture.post("/rooms/role/messages", token, "{\"id\":\"r1\",\"text\":\"hi\"}").statusCode()).isEqualTo(201);
        assertThat(fixture.post("/rooms/role/messages", token, "{\"id\":\"r1\",\"text\":\"hi\"}").statusCode()).isEqualTo(200);
        // a write that fails after the seq was claimed: the claim is freed (DeleteItem), and the retry stores it once
        FAIL_NEXT_TRANSACTION.set(true);
        assertThat(fixture.post("/rooms/role/messages", token, "{\"id\":\"r3\",\"text\":\"again\"}").statusCode())
                .isEqualTo(500);
        assertThat(fixture.post("/rooms/role/messages", token, "{\"id\":\"r3\",\"text\":\"again\"}").statusCode())
                .isEqualTo(201);
        assertThat(fixture.get("/rooms/role/messages?after=0&limit=10", token).statusCode()).isEqualTo(200);
        assertThat(fixture.get("/rooms/role/members", token).statusCode()).isEqualTo(200);
        assertThat(fixture.get("/rooms/private-other/messages", token).statusCode()).isEqualTo(403);
        assertThat(fixture.post("/rooms/private-team-a/messages", fixture.backendToken(),
                "{\"id\":\"r2\",\"text\":\"from a backend\"}").statusCode()).isEqualTo(201);
        // the message, and the gone member's leave (PROTOCOL §4: a connection found gone is told as a leave)
        assertThat(fixture.connections.receivedBy("role-bob")).hasSize(3)
                .anySatisfy(event -> assertThat(event).contains("\"type\":\"message\"", "\"id\":\"r1\""))
                .anySatisfy(event -> assertThat(event).contains("\"type\":\"message\"", "\"id\":\"r3\""))
                .anySatisfy(event -> assertThat(event).contains("\"type\":\"presence\"", "\"event\":\"leave\""));

        Set<String> granted = new TreeSet<>(ServerTemplateTest.taskRoleGrants());
        Set<String> made = new TreeSet<>(CALLS);
        fixture.connections.requests().all().stream().map(RecordedRequest::method).distinct()
                .forEach(method -> made.add("execute-api:ManageConnections on " + method + "/@connections/*"));
        assertThat(made).as("what the server called, against the task role's grants").isEqualTo(granted);
    }

    private static void record(SdkRequest request) {
        String operation = "dynamodb:" + request.getClass().getSimpleName().replaceFirst("Request$", "");
        if (request instanceof BatchWriteItemRequest batch) {
            batch.requestItems().keySet().forEach(table -> CALLS.add(operation + " on " + describe(table)));
            return;
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            // IAM authorizes each item of a transaction as its own action on its table
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) {
                    CALLS.add("dynamodb:PutItem on " + describe(item.put().tableName()));
                }
                if (item.update() != null) {
                    CALLS.add("dynamodb:UpdateItem on " + describe(item.update().tableName()));
                }
                if (item.delete() != null) {
                    CALLS.add("dynamodb:DeleteItem on " + describe(item.delete().tableName()));
                }
                if (item.conditionCheck() != null) {
                    CALLS.add("dynamodb:ConditionCheckItem on " + describe(item.conditionCheck().tableName()));
                }
            }
            return;
        }
        // an operation of another shape is told as such, and fails the comparison (never the call)
        Optional<String> table = request.getValueForField("TableName", String.class);
        Optional<String> index = request.getValueForField("IndexName", String.class);
        CALLS.add(operation + " on " + table.map(TaskRoleCallsTest::describe).orElse("a request without TableName")
                + index.map(name -> "/index/" + name).orElse(""));
    }

    /** A table of the fixture, named as the template's parameters name it. */
    private static String describe(String table) {
        return Map.of(fixture.table, "ConnectionsTable", fixture.memberships, "MembershipsTable",
                fixture.messages, "MessagesTable").getOrDefault(table, "another table " + table);
    }
}
