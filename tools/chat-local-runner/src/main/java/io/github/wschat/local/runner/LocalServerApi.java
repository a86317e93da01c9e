package io.github.wschat.local.runner;

import io.github.wschat.server.ChatServerApplication;
import io.github.wschat.server.ServerSettings;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalClients;
import io.github.wschat.testkit.jwt.LoopbackIssuer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server API of chat-server (PROTOCOL §7), the container's {@link ChatServerApplication} in this process, on
 * the local chat's DynamoDB and tables and on the local WebSocket API's {@code @connections}: a
 * {@code POST /rooms/general/messages} reaches the wscat clients in {@code general}. It gets the settings the
 * template's task definition gives the container ({@link ServerSettings#fromEnvironment}), made from the local
 * chat's:
 * <ul>
 *   <li>{@code PORT}: {@value #CHAT_SERVER_PORT}, default the chat's port + 3 (a free one when that is 0);</li>
 *   <li>the tables, {@code MESSAGE_RETENTION_DAYS} as the handlers get them, {@code CONNECTIONS_ENDPOINT} the local
 *       WebSocket API's;</li>
 *   <li>{@code AUTH_*}: the chat's issuer when authorization is on ({@code CHAT_AUTH=dev} or {@code AUTH_ISSUER});
 *       when it is off, as in the tutorial's run, the server API, which always verifies tokens, gets a
 *       development issuer of its own (on the chat's port + 1, as {@code CHAT_AUTH=dev} would), whose tokens the
 *       WebSocket API does not ask for.</li>
 * </ul>
 * DynamoDB and {@code @connections} are reached with the region and the dummy credentials the handlers get.
 */
final class LocalServerApi implements AutoCloseable {

    static final String CHAT_SERVER_PORT = "CHAT_SERVER_PORT";
    private static final String DEFAULT_REGION = "us-east-1";

    private final ChatServerApplication application;
    private final DynamoDbClient dynamoDb;
    private final LoopbackIssuer ownIssuer;
    private final Optional<LoopbackIssuer> devIssuer;
    private final URI uri;

    private LocalServerApi(ChatServerApplication application, DynamoDbClient dynamoDb, LoopbackIssuer ownIssuer,
                           Optional<LoopbackIssuer> devIssuer) {
        this.application = application;
        this.dynamoDb = dynamoDb;
        this.ownIssuer = ownIssuer;
        this.devIssuer = devIssuer;
        this.uri = URI.create("http://127.0.0.1:" + application.port());
    }

    /**
     * Starts the server API for the local chat's rooms.
     *
     * @param environment      the local chat's settings
     * @param chatPort         the chat's port setting (0: every port a free one)
     * @param auth             the chat's identity settings, started
     * @param dynamoDbEndpoint the chat's DynamoDB
     * @param connectionsTable the connections table
     * @param tables           the room tables
     * @param connections      the local WebSocket API's {@code @connections} endpoint
     */
    static LocalServerApi start(Map<String, String> environment, int chatPort, LocalAuth auth, URI dynamoDbEndpoint,
                                String connectionsTable, LocalChat.RoomTables tables, URI connections) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(ServerSettings.PORT, Integer.toString(port(environment, chatPort)));
        settings.put(ServerSettings.TABLE_NAME, connectionsTable);
        settings.put(ServerSettings.MEMBERSHIPS_TABLE_NAME, tables.memberships());
        settings.put(ServerSettings.MESSAGES_TABLE_NAME, tables.messages());
        settings.put(ServerSettings.CONNECTIONS_ENDPOINT, connections.toString());
        Optional.ofNullable(environment.get(ServerSettings.MESSAGE_RETENTION_DAYS))
                .ifPresent(days -> settings.put(ServerSettings.MESSAGE_RETENTION_DAYS, days));
        LoopbackIssuer ownIssuer = null;
        if (auth.enabled()) {
            settings.putAll(auth.settings());
        } else {
            ownIssuer = LoopbackIssuer.builder().port(LocalChat.devIssuerPort(environment, chatPort))
                    .audience(LocalAuth.DEV_AUDIENCE).tokenEndpoint(true).start();
            settings.put(ServerSettings.AUTH_ISSUER, ownIssuer.issuer().toString());
            settings.put(ServerSettings.AUTH_AUDIENCE, ownIssuer.audience());
            settings.put(ServerSettings.AUTH_JWKS_URL, ownIssuer.jwksUrl().toString());
        }
        Region region = Region.of(System.getProperty("aws.region", DEFAULT_REGION));
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                System.getProperty("aws.accessKeyId", "local"), System.getProperty("aws.secretAccessKey", "local")));
        DynamoDbClient dynamoDb = DynamoDbLocalClients.builder(dynamoDbEndpoint).region(region)
                .credentialsProvider(credentials).build();
        ChatServerApplication application = null;
        try {
            application = ChatServerApplication.builder()
                    .settings(ServerSettings.fromEnvironment(settings))
                    .dynamoDbClient(dynamoDb)
                    .address(InetAddress.getLoopbackAddress())
                    .senderSettings(sender -> sender.region(region).credentialsProvider(credentials))
                    .build();
            application.start();
            return new LocalServerApi(application, dynamoDb, ownIssuer,
                    Optional.ofNullable(ownIssuer).or(auth::devIssuer));
        } catch (Exception e) { // Netty's bind throws its BindException unchecked
            if (application != null) {
                application.close();
            }
            dynamoDb.close();
            if (ownIssuer != null) {
                ownIssuer.close();
            }
            if (e instanceof BindException) {
                throw new IllegalStateException("cannot bind the server API to port " + settings.get(ServerSettings.PORT)
                        + " (set " + CHAT_SERVER_PORT + "): " + e.getMessage(), e);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /**
     * The server API's port: {@value #CHAT_SERVER_PORT}, else the chat's port + 3 (a free port when that is 0).
     *
     * @throws IllegalArgumentException if {@value #CHAT_SERVER_PORT} is not a port number (0 to 65535)
     */
    static int port(Map<String, String> environment, int chatPort) {
        return PortSetting.of(environment, CHAT_SERVER_PORT, chatPort, 3, "the server API's port");
    }

    /** {@code http://127.0.0.1:PORT}: the server API, its paths {@code /rooms/{room}/…} and {@code /healthz}. */
    URI uri() {
        return uri;
    }

    /** The development issuer whose tokens the server API accepts: its own, or {@code CHAT_AUTH=dev}'s. */
    Optional<LoopbackIssuer> devIssuer() {
        return devIssuer;
    }

    void printBanner(PrintStream out) {
        out.println("  server API:  " + uri + " (PROTOCOL §7: POST and GET /rooms/{room}/messages, GET /rooms/{room}/members)");
        devIssuer.ifPresent(issuer -> {
            out.println("  its token:   TOKEN=$(curl -s '" + issuer.tokenEndpoint() + "?user=backend&scope=wschat:server')"
                    + (ownIssuer != null ? " (for the server API only: the WebSocket API is anonymous)" : ""));
            out.println("  post:        curl -X POST -H \"Authorization: Bearer $TOKEN\" " + uri
                    + "/rooms/general/messages -d '{\"id\":\"m1\",\"text\":\"hi\"}'");
        });
    }

    @Override
    public void close() {
        application.close();
        dynamoDb.close();
        if (ownIssuer != null) {
            ownIssuer.close();
        }
    }
}
