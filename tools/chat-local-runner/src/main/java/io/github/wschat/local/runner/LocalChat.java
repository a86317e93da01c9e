package io.github.wschat.local.runner;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import io.github.wschat.aws.dynamodb.DynamoDbMessageLog;
import io.github.wschat.aws.dynamodb.DynamoDbRoomMembership;
import io.github.wschat.local.LocalWebSocketApi;
import io.github.wschat.local.log.AccessLogEntry;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalClients;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import io.github.wschat.testkit.jwt.LoopbackIssuer;
import io.github.wschat.testkit.sam.SamWebSocketApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The chat on this machine, like {@code sam local} would run it if it could run WebSocket APIs: the
 * local WebSocket API hosts the handler classes the SAM template names (the very classes that
 * deploy, unchanged), and DynamoDB is an in-process DynamoDB Local in memory, or the one at
 * {@code AWS_ENDPOINT_URL_DYNAMODB}.
 *
 * <p>The handlers reach both through the AWS SDK's standard settings, set here as system
 * properties before the first handler is made: {@code aws.endpointUrlDynamoDb} and
 * {@code aws.endpointUrlApiGatewayManagementApi} (the twins of {@code AWS_ENDPOINT_URL_DYNAMODB} and
 * {@code AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI}), plus a region and dummy credentials when none
 * are set. The table name is the handlers' own {@code TABLE_NAME}, which {@code run-local-chat.sh}
 * exports (default {@code wschat-connections}); the table is created when missing. It has no default
 * here: the handlers read {@code TABLE_NAME} from the process environment and fail without it, so
 * {@link #main} refuses to start without it rather than create a table they would not use. Rooms are on
 * when {@code MEMBERSHIPS_TABLE_NAME} and {@code MESSAGES_TABLE_NAME} are both set, as for the handlers
 * (the script exports {@code wschat-memberships} and {@code wschat-messages}): both tables are created
 * when missing, laid out by the adapters' {@code tableDefinition}, with Time to Live on {@code ttl}; one
 * of them without the other is refused, as the handlers refuse it.
 *
 * <p>Settings: {@code CHAT_PORT} (default {@value #DEFAULT_PORT}; {@code 0} picks a free port),
 * {@code TABLE_NAME} (required), {@code AWS_ENDPOINT_URL_DYNAMODB}; identity as {@link LocalAuth} says:
 * {@code CHAT_AUTH=dev} (a development issuer on {@code CHAT_ISSUER_PORT}, default the chat's port + 1),
 * or {@code AUTH_ISSUER}, {@code AUTH_AUDIENCE}, {@code AUTH_JWKS_URL} for an issuer of yours, or neither
 * (authorization off, the tutorial's API); {@code CHAT_WEB_PORT} for the chat page ({@link LocalWebPage}, default
 * the chat's port + 2); with rooms, {@code CHAT_SERVER_PORT} for the server API of chat-server ({@link LocalServerApi},
 * default the chat's port + 3). The one argument is the template
 * (default {@code chat-lambda-example/template.yaml}). SIGTERM or Ctrl-C stops it: every connection
 * is closed with 1001 and gets its {@code $disconnect}.
 */
public final class LocalChat implements AutoCloseable {

    public static final int DEFAULT_PORT = 8080;
    static final String TABLE_NAME = "TABLE_NAME";
    static final String MEMBERSHIPS_TABLE_NAME = "MEMBERSHIPS_TABLE_NAME";
    static final String MESSAGES_TABLE_NAME = "MESSAGES_TABLE_NAME";
    static final int BAD_SETTINGS_EXIT_CODE = 2;
    static final String DYNAMODB_ENDPOINT_PROPERTY = "aws.endpointUrlDynamoDb";
    static final String CONNECTIONS_ENDPOINT_PROPERTY = "aws.endpointUrlApiGatewayManagementApi";

    private static final Logger LOG = LoggerFactory.getLogger(LocalChat.class);

    private final LocalWebSocketApi api;
    private final DynamoDbLocalServer embeddedDynamoDb;
    private final URI dynamoDbEndpoint;
    private final String tableName;
    private final Optional<RoomTables> roomTables;
    private final LocalAuth auth;
    private final LocalWebPage webPage;
    private final LocalServerApi serverApi;

    private LocalChat(LocalWebSocketApi api, DynamoDbLocalServer embeddedDynamoDb, URI dynamoDbEndpoint, String tableName,
                      Optional<RoomTables> roomTables, LocalAuth auth, LocalWebPage webPage, LocalServerApi serverApi) {
        this.api = api;
        this.embeddedDynamoDb = embeddedDynamoDb;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.tableName = tableName;
        this.roomTables = roomTables;
        this.auth = auth;
        this.webPage = webPage;
        this.serverApi = serverApi;
    }

    /** The tables of rooms, as the handlers read them. */
    record RoomTables(String memberships, String messages) {
    }

    public static void main(String[] args) throws Exception {
        Path template = Path.of(args.length > 0 ? args[0] : "chat-lambda-example/template.yaml");
        try {
            tableName(System.getenv());
            roomTables(System.getenv());
            LocalAuth.check(System.getenv());
            LocalWebPage.port(System.getenv(), DEFAULT_PORT);
            LocalServerApi.port(System.getenv(), DEFAULT_PORT);
        } catch (IllegalArgumentException missing) {
            // before anything starts: the handlers would fail on their first event
            System.err.println("wschat: " + missing.getMessage());
            System.exit(BAD_SETTINGS_EXIT_CODE);
        }
        LocalChat chat = start(template, System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(chat::close, "local-chat-shutdown"));
        chat.printBanner(System.out);
        Thread.currentThread().join();
    }

    /**
     * Starts DynamoDB (unless {@code AWS_ENDPOINT_URL_DYNAMODB} is in {@code environment}), the table,
     * and the WebSocket API with the template's routes.
     *
     * @throws IllegalArgumentException if {@code environment} has no {@code TABLE_NAME}, or one room table without the other
     */
    public static LocalChat start(Path template, Map<String, String> environment) throws Exception {
        return start(template, environment, entry -> { });
    }

    /** As {@link #start(Path, Map)}, with every access log entry also given to {@code accessLog}. */
    public static LocalChat start(Path template, Map<String, String> environment, Consumer<AccessLogEntry> accessLog)
            throws Exception {
        String tableName = tableName(environment);
        Optional<RoomTables> rooms = roomTables(environment);
        int port = Integer.parseInt(environment.getOrDefault("CHAT_PORT", Integer.toString(DEFAULT_PORT)));
        LocalAuth auth = LocalAuth.start(environment, devIssuerPort(environment, port));
        SamWebSocketApi routes;
        try {
            routes = SamWebSocketApi.read(template, auth.templateParameters());
            if (auth.enabled() && routes.routes().stream().noneMatch(route -> route.authorizer().isPresent())) {
                throw new IllegalArgumentException("authorization is asked for (" + LocalAuth.AUTH_ISSUER + " or "
                        + LocalAuth.CHAT_AUTH + ") but " + template + " puts no authorizer on any route with "
                        + auth.templateParameters());
            }
        } catch (Exception e) {
            auth.close();
            throw e;
        }
        auth.exposeToHandlers();
        useDefaultIfUnset("aws.region", environment.get("AWS_REGION"), "us-east-1");
        if (environment.get("AWS_ACCESS_KEY_ID") == null) {
            useDefaultIfUnset("aws.accessKeyId", null, "local");
            useDefaultIfUnset("aws.secretAccessKey", null, "local");
        }

        DynamoDbLocalServer embedded = null;
        URI dynamoDb;
        String configured = environment.get("AWS_ENDPOINT_URL_DYNAMODB");
        if (configured != null && !configured.isBlank()) {
            dynamoDb = URI.create(configured);
        } else {
            embedded = DynamoDbLocalServer.start();
            dynamoDb = embedded.endpoint();
        }
        System.setProperty(DYNAMODB_ENDPOINT_PROPERTY, dynamoDb.toString());
        createTablesIfMissing(dynamoDb, tableName, rooms);

        LocalWebSocketApi.Builder builder = LocalWebSocketApi.builder()
                .port(port)
                .stage(routes.stage())
                .routeSelectionExpression(routes.routeSelectionExpression())
                .accessLogListener(accessLog);
        for (SamWebSocketApi.RouteHandler route : routes.routes()) {
            RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler = LazyHandler.ofClass(route.handlerClass());
            if (route.twoWay()) {
                builder.twoWayRoute(route.routeKey(), handler);
            } else {
                builder.route(route.routeKey(), handler);
            }
            route.authorizer().ifPresent(authorizer -> builder.connectAuthorizer(authorizer.function(),
                    LazyHandler.<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1>ofClass(authorizer.handlerClass()),
                    authorizer.identitySources()));
        }
        LocalWebSocketApi api = builder.start();
        // handlers are made on first use, after this: their SDK clients see the endpoint of this port
        System.setProperty(CONNECTIONS_ENDPOINT_PROPERTY, api.connectionsEndpoint().toString());
        LocalWebPage webPage = null;
        LocalServerApi serverApi = null;
        try {
            webPage = LocalWebPage.start(LocalWebPage.port(environment, port), api.webSocketUri(),
                    auth.devIssuer().map(LoopbackIssuer::tokenEndpoint));
            if (rooms.isPresent()) {
                serverApi = LocalServerApi.start(environment, port, auth, dynamoDb, tableName, rooms.get(),
                        api.connectionsEndpoint());
            }
        } catch (RuntimeException e) {
            new LocalChat(api, embedded, dynamoDb, tableName, rooms, auth, webPage, null).close();
            throw e;
        }
        return new LocalChat(api, embedded, dynamoDb, tableName, rooms, auth, webPage, serverApi);
    }

    public URI webSocketUri() {
        return api.webSocketUri();
    }

    public URI connectionsEndpoint() {
        return api.connectionsEndpoint();
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public String tableName() {
        return tableName;
    }

    /** The room tables, when rooms are on. */
    public Optional<RoomTables> roomTables() {
        return roomTables;
    }

    public LocalWebSocketApi api() {
        return api;
    }

    /** The chat page of chat-web, served beside the chat: {@code http://127.0.0.1:PORT/}. */
    public URI webPageUri() {
        return webPage.uri();
    }

    /**
     * The server API of chat-server ({@link LocalServerApi}), {@code http://127.0.0.1:PORT}, when rooms are on (it
     * serves rooms only).
     */
    public Optional<URI> serverApiUri() {
        return Optional.ofNullable(serverApi).map(LocalServerApi::uri);
    }

    /** The development issuer whose tokens the server API accepts: {@code CHAT_AUTH=dev}'s, or its own when auth is off. */
    public Optional<LoopbackIssuer> serverApiIssuer() {
        return Optional.ofNullable(serverApi).flatMap(LocalServerApi::devIssuer);
    }

    void printBanner(PrintStream out) {
        out.println("wschat is running locally");
        out.println("  table:       " + tableName + " on " + (embeddedDynamoDb != null
                ? "an in-process DynamoDB Local (in memory) at " + dynamoDbEndpoint : dynamoDbEndpoint));
        out.println("  rooms:       " + roomTables.map(rooms -> "tables " + rooms.memberships() + " (memberships) and "
                + rooms.messages() + " (messages), routes join, leave, members, publish, history")
                .orElse("off (set " + MEMBERSHIPS_TABLE_NAME + " and " + MESSAGES_TABLE_NAME + " for them)"));
        out.println("  @connections " + api.connectionsEndpoint());
        out.println("  page:        " + webPage.uri());
        auth.printBanner(out, api.webSocketUri().toString());
        if (serverApi != null) {
            serverApi.printBanner(out);
        }
        out.println("Ready: " + api.webSocketUri());
        out.flush();
    }

    /** The development issuer of {@code CHAT_AUTH=dev}, when it runs. */
    public Optional<LoopbackIssuer> devIssuer() {
        return auth.devIssuer();
    }

    @Override
    public void close() {
        if (serverApi != null) {
            serverApi.close();
        }
        if (webPage != null) {
            webPage.close();
        }
        api.close();
        auth.close();
        if (embeddedDynamoDb != null) {
            try {
                embeddedDynamoDb.close();
            } catch (Exception e) {
                LOG.warn("DynamoDB Local did not stop cleanly", e);
            }
        }
    }

    private static void createTablesIfMissing(URI endpoint, String tableName, Optional<RoomTables> rooms) {
        try (DynamoDbClient client = DynamoDbLocalClients.builder(endpoint)
                .region(Region.of(System.getProperty("aws.region")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        System.getProperty("aws.accessKeyId", "local"), System.getProperty("aws.secretAccessKey", "local"))))
                .build()) {
            logCreated(tableName, DynamoDbTables.createConnectionsTableIfMissing(client, tableName));
            rooms.ifPresent(tables -> {
                logCreated(tables.memberships(), DynamoDbTables.createTableIfMissing(client,
                        DynamoDbRoomMembership.tableDefinition(tables.memberships()),
                        DynamoDbRoomMembership.DEFAULT_TTL_ATTRIBUTE_NAME));
                logCreated(tables.messages(), DynamoDbTables.createTableIfMissing(client,
                        DynamoDbMessageLog.tableDefinition(tables.messages()), DynamoDbMessageLog.DEFAULT_TTL_ATTRIBUTE_NAME));
            });
        }
    }

    private static void logCreated(String tableName, boolean created) {
        LOG.info(created ? "created the table {}" : "using the existing table {}", tableName);
    }

    private static void useDefaultIfUnset(String property, String environmentValue, String defaultValue) {
        if (System.getProperty(property) == null && (environmentValue == null || environmentValue.isBlank())) {
            System.setProperty(property, defaultValue);
        }
    }

    /** The development issuer's port: {@code CHAT_ISSUER_PORT}, else the chat's port + 1 (a free one when that is 0). */
    static int devIssuerPort(Map<String, String> environment, int chatPort) {
        String configured = environment.get("CHAT_ISSUER_PORT");
        if (configured != null && !configured.isBlank()) {
            return Integer.parseInt(configured);
        }
        return chatPort == 0 ? 0 : chatPort + 1;
    }

    /** The room tables the handlers will use: both of them, or none (rooms off); one alone is refused. */
    static Optional<RoomTables> roomTables(Map<String, String> environment) {
        List<String> names = List.of(MEMBERSHIPS_TABLE_NAME, MESSAGES_TABLE_NAME).stream()
                .map(name -> environment.getOrDefault(name, "")).toList();
        if (names.stream().allMatch(String::isBlank)) {
            return Optional.empty();
        }
        if (names.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("set both " + MEMBERSHIPS_TABLE_NAME + " and " + MESSAGES_TABLE_NAME
                    + " for rooms, or neither: the handlers refuse one without the other");
        }
        return Optional.of(new RoomTables(names.get(0), names.get(1)));
    }

    /** The table the handlers will use: their {@code TABLE_NAME}, which must be set. */
    static String tableName(Map<String, String> environment) {
        String tableName = environment.get(TABLE_NAME);
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException(TABLE_NAME + " is not set: set it to the connections table,"
                    + " which the handlers read too (./run-local-chat.sh sets it, by default to wschat-connections)");
        }
        return tableName;
    }
}
