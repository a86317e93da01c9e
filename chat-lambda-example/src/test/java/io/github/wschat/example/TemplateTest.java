package io.github.wschat.example;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import io.github.wschat.aws.auth.AuthSettings;
import io.github.wschat.aws.dynamodb.DynamoDbConnectionStore;
import io.github.wschat.aws.dynamodb.DynamoDbMessageLog;
import io.github.wschat.aws.dynamodb.DynamoDbRoomMembership;
import io.github.wschat.testkit.sam.SamTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.github.wschat.testkit.sam.SamTemplate.list;
import static io.github.wschat.testkit.sam.SamTemplate.map;
import static io.github.wschat.testkit.sam.SamTemplate.references;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code template.yaml} deploys what the code expects, and no more privilege than it uses. */
class TemplateTest {

    private static final Map<String, Class<?>> HANDLERS_BY_ROUTE = Map.of(
            "$connect", ConnectHandler.class,
            "$disconnect", DisconnectHandler.class,
            "$default", DefaultHandler.class,
            "sendmessage", SendMessageHandler.class,
            "join", JoinHandler.class,
            "leave", LeaveHandler.class,
            "members", MembersHandler.class,
            "publish", PublishHandler.class,
            "history", HistoryHandler.class);

    private static final String CONNECTION_INDEX = DynamoDbRoomMembership.CONNECTION_INDEX;
    private static final String USER_INDEX = DynamoDbRoomMembership.USER_INDEX;
    private static final String POST = "execute-api:ManageConnections on POST/@connections/*";
    /** What a fan-out to a room does with a member found gone (410): out of the connections and its rooms, told. */
    private static final List<String> GONE_MEMBER_CLEANUP = List.of(
            "dynamodb:DeleteItem on ConnectionsTable",
            "dynamodb:Query on MembershipsTable/index/" + CONNECTION_INDEX,
            "dynamodb:BatchWriteItem on MembershipsTable",
            "dynamodb:Query on MembershipsTable/index/" + USER_INDEX,
            "dynamodb:Query on MembershipsTable");

    /** SAM's logical id suffix of a function's {@code AutoPublishAlias: live}. */
    private static final String LIVE_ALIAS = "Aliaslive";
    /** The source of a route's invocations: this API, any stage; the route key follows. */
    private static final String ANY_STAGE_OF_THE_API =
            "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${ChatApi}/*/";

    /** The resources of the tutorial's API and its rooms, deployed whatever the parameters: with AuthIssuer empty, nothing else. */
    private static final Set<String> TUTORIAL_RESOURCES = Set.of("ChatApi", "ConnectionsTable",
            "MembershipsTable", "MessagesTable",
            "JoinFunction", "JoinIntegration", "JoinRoute", "JoinPermission",
            "LeaveFunction", "LeaveIntegration", "LeaveRoute", "LeavePermission",
            "MembersFunction", "MembersIntegration", "MembersRoute", "MembersPermission",
            "PublishFunction", "PublishIntegration", "PublishRoute", "PublishPermission",
            "HistoryFunction", "HistoryIntegration", "HistoryRoute", "HistoryPermission",
            "ConnectFunction", "ConnectIntegration", "ConnectRoute", "ConnectPermission",
            "DisconnectFunction", "DisconnectIntegration", "DisconnectRoute", "DisconnectPermission",
            "DefaultFunction", "DefaultIntegration", "DefaultRoute", "DefaultPermission",
            "SendMessageFunction", "SendMessageIntegration", "SendMessageRoute", "SendMessagePermission",
            "Deployment", "Stage");
    private static final String AUTHORIZER_FUNCTION = "AuthorizerFunction";
    private static final String AUTH_ON = "AuthOn";
    private static final String AUTH_OFF = "AuthOff";

    private static SamTemplate template;

    @BeforeAll
    static void readTemplate() throws Exception {
        template = SamTemplate.read(Path.of("template.yaml"));
    }

    @Test
    void the_api_is_a_websocket_api_routing_on_the_body_action() {
        Map<String, Object> api = template.properties("ChatApi");

        assertThat(api).containsEntry("ProtocolType", "WEBSOCKET")
                .containsEntry("RouteSelectionExpression", "$request.body.action");
    }

    @Test
    void the_routes_are_exactly_the_tutorials_four_and_the_five_room_actions() {
        Set<Object> routeKeys = template.resourcesOfType("AWS::ApiGatewayV2::Route").stream()
                .map(id -> template.properties(id).get("RouteKey")).collect(Collectors.toSet());

        assertThat(routeKeys).isEqualTo(HANDLERS_BY_ROUTE.keySet());
    }

    @Test
    void every_route_reaches_the_handler_class_named_after_it_through_a_proxy_integration() {
        Map<String, String> handlerByRoute = new TreeMap<>();
        for (String route : template.resourcesOfType("AWS::ApiGatewayV2::Route")) {
            String alias = invokedAlias(route);
            String function = alias.substring(0, alias.length() - LIVE_ALIAS.length());
            assertThat(template.resource(function)).containsEntry("Type", "AWS::Serverless::Function");
            handlerByRoute.put(routeKey(route), (String) template.properties(function).get("Handler"));
        }

        assertThat(handlerByRoute).hasSize(HANDLERS_BY_ROUTE.size());
        handlerByRoute.forEach((route, handler) ->
                assertThat(handler).isEqualTo(HANDLERS_BY_ROUTE.get(route).getName() + "::handleRequest"));
    }

    @Test
    void every_handler_class_exists_and_is_a_websocket_request_handler() throws Exception {
        for (String function : template.resourcesOfType("AWS::Serverless::Function")) {
            if (function.equals(AUTHORIZER_FUNCTION)) {
                continue;
            }
            String handler = (String) template.properties(function).get("Handler");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));

            assertThat(RequestHandler.class).isAssignableFrom(type);
            ParameterizedType requestHandler = (ParameterizedType) Arrays.stream(type.getGenericInterfaces())
                    .filter(t -> t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class)
                    .findFirst().orElseThrow();
            assertThat(requestHandler.getActualTypeArguments())
                    .containsExactly((Type) APIGatewayV2WebSocketEvent.class, APIGatewayV2WebSocketResponse.class);
            assertThat(type.getConstructor()).as("Lambda needs a public no-argument constructor").isNotNull();
        }
    }

    @Test
    void every_route_may_invoke_its_function_alias_and_only_from_this_api() {
        Map<String, String> invokedAliasByRoute = new TreeMap<>();
        for (String route : template.resourcesOfType("AWS::ApiGatewayV2::Route")) {
            invokedAliasByRoute.put(routeKey(route), invokedAlias(route));
        }
        Map<String, String> permittedAliasByRoute = new TreeMap<>();
        for (String permission : template.resourcesOfType("AWS::Lambda::Permission")) {
            if (permission.equals("AuthorizerPermission")) {
                continue;
            }
            Map<String, Object> properties = template.properties(permission);
            assertThat(properties).containsEntry("Action", "lambda:InvokeFunction")
                    .containsEntry("Principal", "apigateway.amazonaws.com");
            assertThat(map(properties.get("FunctionName"))).as("FunctionName of %s", permission).containsOnlyKeys("Ref");
            String sourceArn = (String) map(properties.get("SourceArn")).get("Fn::Sub");
            assertThat(sourceArn).as("SourceArn of %s", permission).startsWith(ANY_STAGE_OF_THE_API);
            String routeKey = sourceArn.substring(ANY_STAGE_OF_THE_API.length());
            String alias = single(references(properties.get("FunctionName")));
            assertThat(permittedAliasByRoute.put(routeKey, alias)).as("a second permission for %s", routeKey).isNull();
        }

        assertThat(invokedAliasByRoute).containsOnlyKeys(HANDLERS_BY_ROUTE.keySet());
        assertThat(permittedAliasByRoute).as("the alias each route may invoke").isEqualTo(invokedAliasByRoute);
    }

    @Test
    void the_stage_is_a_parameter_defaulting_to_production_and_serves_the_deployment_made_after_every_route() {
        assertThat(map(map(template.root().get("Parameters")).get("StageName"))).containsEntry("Default", "production");
        assertThat(template.properties("Stage")).containsEntry("StageName", Map.of("Ref", "StageName"))
                .containsEntry("ApiId", Map.of("Ref", "ChatApi"));
        assertThat(resolved(template.properties("Stage"), false)).containsEntry("DeploymentId", Map.of("Ref", "Deployment"));
        assertThat(resolved(template.properties("Stage"), true)).containsEntry("DeploymentId", Map.of("Ref", "AuthDeployment"));
        assertThat(template.resource("Deployment")).containsEntry("Type", "AWS::ApiGatewayV2::Deployment")
                .containsEntry("Condition", AUTH_OFF);
        assertThat(template.properties("Deployment")).containsEntry("ApiId", Map.of("Ref", "ChatApi"));
        assertThat(list(template.resource("Deployment").get("DependsOn")))
                .containsExactlyInAnyOrderElementsOf(template.resourcesOfType("AWS::ApiGatewayV2::Route"))
                .hasSize(HANDLERS_BY_ROUTE.size());
        assertThat(template.resource("AuthDeployment")).containsEntry("Type", "AWS::ApiGatewayV2::Deployment")
                .containsEntry("Condition", AUTH_ON);
        assertThat(template.properties("AuthDeployment")).isEqualTo(template.properties("Deployment"));
        assertThat(list(template.resource("AuthDeployment").get("DependsOn")))
                .containsExactlyInAnyOrderElementsOf(Stream.concat(template.resourcesOfType("AWS::ApiGatewayV2::Route").stream(),
                        Stream.of("ConnectAuthorizer")).toList());
    }

    @Test
    void the_table_is_the_tutorials_on_demand_encrypted_with_ttl_on_the_stores_attribute() {
        Map<String, Object> table = template.properties("ConnectionsTable");

        assertThat(list(table.get("KeySchema"))).containsExactly(
                Map.of("AttributeName", DynamoDbConnectionStore.CONNECTION_ID, "KeyType", "HASH"));
        assertThat(table).containsEntry("BillingMode", "PAY_PER_REQUEST")
                .containsEntry("SSESpecification", Map.of("SSEEnabled", true))
                .containsEntry("TimeToLiveSpecification",
                        Map.of("AttributeName", DynamoDbConnectionStore.DEFAULT_TTL_ATTRIBUTE_NAME, "Enabled", true));
    }

    @Test
    void functions_run_java21_with_snapstart_on_published_versions() {
        Map<String, Object> function = map(map(template.root().get("Globals")).get("Function"));

        assertThat(function).containsEntry("Runtime", "java21")
                .containsEntry("AutoPublishAlias", "live")
                .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
    }

    @Test
    void every_environment_variable_the_code_needs_is_set() {
        Map<String, Object> variables = map(map(map(map(template.root().get("Globals")).get("Function"))
                .get("Environment")).get("Variables"));
        Map<String, String> deployed = new HashMap<>();
        Map<String, Object> parameters = map(template.root().get("Parameters"));
        // a parameter's Ref resolves to its default, a resource's to what CloudFormation names it
        variables.forEach((name, value) -> deployed.put(name, value instanceof String text ? text
                : parameters.containsKey(map(value).get("Ref")) ? String.valueOf(map(parameters.get(map(value).get("Ref"))).get("Default"))
                : "resolved-by-cloudformation"));

        ExampleConfiguration configuration = ExampleConfiguration.from(deployed, null);

        assertThat(configuration.tableName()).isEqualTo("resolved-by-cloudformation");
        assertThat(variables.get(ExampleConfiguration.TABLE_NAME)).isEqualTo(Map.of("Ref", "ConnectionsTable"));
        assertThat(configuration.rooms()).as("rooms are on").contains(new ExampleConfiguration.RoomTables(
                "resolved-by-cloudformation", "resolved-by-cloudformation", Duration.ofDays(7)));
        assertThat(variables.get(ExampleConfiguration.MEMBERSHIPS_TABLE_NAME)).isEqualTo(Map.of("Ref", "MembershipsTable"));
        assertThat(variables.get(ExampleConfiguration.MESSAGES_TABLE_NAME)).isEqualTo(Map.of("Ref", "MessagesTable"));
        assertThat(variables.get(ExampleConfiguration.MESSAGE_RETENTION_DAYS)).isEqualTo(Map.of("Ref", "MessageRetentionDays"));
        assertThat(map(map(template.root().get("Parameters")).get("MessageRetentionDays")))
                .containsEntry("Type", "Number").containsEntry("Default", 7).containsEntry("MinValue", 1);
    }

    @Test
    void no_statement_has_a_wildcard_action_or_an_unscoped_resource() {
        for (String function : template.resourcesOfType("AWS::Serverless::Function")) {
            for (Map<String, Object> statement : statements(function)) {
                assertThat(list(statement.get("Action"))).allSatisfy(action -> assertThat((String) action).doesNotContain("*"));
                for (Object resource : list(statement.get("Resource"))) {
                    assertThat(resource).as("resource of %s", function).isNotEqualTo("*");
                    if (resource instanceof Map<?, ?> intrinsic && intrinsic.get("Fn::Sub") instanceof String arn
                            && arn.startsWith("arn:")) {
                        assertThat(arn).startsWith("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${ChatApi}/${StageName}/")
                                .endsWith("/@connections/*");
                    } else if (resource instanceof Map<?, ?> intrinsic && intrinsic.get("Fn::Sub") instanceof String arn) {
                        assertThat(arn).as("an index of %s", function).isIn(
                                "${MembershipsTable.Arn}/index/" + CONNECTION_INDEX, "${MembershipsTable.Arn}/index/" + USER_INDEX);
                    } else {
                        assertThat(resource).isIn(Map.of("Fn::GetAtt", List.of("ConnectionsTable", "Arn")),
                                Map.of("Fn::GetAtt", List.of("MembershipsTable", "Arn")),
                                Map.of("Fn::GetAtt", List.of("MessagesTable", "Arn")));
                    }
                }
            }
        }
    }

    @Test
    void each_function_may_do_exactly_what_its_route_does() {
        assertThat(grants("ConnectFunction")).containsExactly("dynamodb:PutItem on ConnectionsTable");
        assertThat(grants("DefaultFunction")).containsExactlyInAnyOrder(
                POST, "execute-api:ManageConnections on GET/@connections/*");
        // with rooms, a closed connection leaves its rooms, which are told; that is a gone member's cleanup
        assertThat(grants("DisconnectFunction")).containsExactlyInAnyOrderElementsOf(with(GONE_MEMBER_CLEANUP, POST));
        // a recipient found gone (410) leaves its rooms too
        assertThat(grants("SendMessageFunction")).containsExactlyInAnyOrderElementsOf(with(GONE_MEMBER_CLEANUP,
                "dynamodb:Scan on ConnectionsTable", POST));
    }

    @Test
    void each_room_function_may_do_exactly_what_its_action_does() {
        assertThat(grants("JoinFunction")).containsExactlyInAnyOrderElementsOf(with(GONE_MEMBER_CLEANUP,
                "dynamodb:PutItem on MembershipsTable",
                "dynamodb:GetItem on MessagesTable",
                POST));
        assertThat(grants("LeaveFunction")).containsExactlyInAnyOrderElementsOf(with(GONE_MEMBER_CLEANUP,
                "dynamodb:DeleteItem on MembershipsTable",
                POST));
        assertThat(grants("MembersFunction")).containsExactlyInAnyOrder(
                "dynamodb:GetItem on MembershipsTable",
                "dynamodb:Query on MembershipsTable",
                POST);
        assertThat(grants("PublishFunction")).containsExactlyInAnyOrderElementsOf(with(GONE_MEMBER_CLEANUP,
                "dynamodb:GetItem on MembershipsTable",
                // the append: claim (PutItem), counter (UpdateItem ADD), the transaction's Put + Update,
                // a failed claim freed (DeleteItem), a retried id's first message (GetItem)
                "dynamodb:PutItem on MessagesTable",
                "dynamodb:UpdateItem on MessagesTable",
                "dynamodb:DeleteItem on MessagesTable",
                "dynamodb:GetItem on MessagesTable",
                POST));
        assertThat(grants("HistoryFunction")).containsExactlyInAnyOrder(
                "dynamodb:GetItem on MembershipsTable",
                "dynamodb:GetItem on MessagesTable",
                "dynamodb:Query on MessagesTable",
                POST);
    }

    @Test
    void the_room_tables_are_on_demand_encrypted_with_ttl_and_the_indexes_the_membership_queries() {
        for (String table : List.of("MembershipsTable", "MessagesTable")) {
            assertThat(template.properties(table)).as(table).containsEntry("BillingMode", "PAY_PER_REQUEST")
                    .containsEntry("SSESpecification", Map.of("SSEEnabled", true))
                    .containsEntry("TimeToLiveSpecification", Map.of("AttributeName", "ttl", "Enabled", true));
        }
        Map<String, Object> memberships = template.properties("MembershipsTable");
        assertThat(list(memberships.get("KeySchema"))).containsExactly(
                Map.of("AttributeName", "room", "KeyType", "HASH"), Map.of("AttributeName", "connectionId", "KeyType", "RANGE"));
        assertThat(list(memberships.get("GlobalSecondaryIndexes"))).singleElement().isEqualTo(Map.of(
                "IndexName", CONNECTION_INDEX,
                "KeySchema", List.of(Map.of("AttributeName", "connectionId", "KeyType", "HASH"),
                        Map.of("AttributeName", "room", "KeyType", "RANGE")),
                "Projection", Map.of("ProjectionType", "ALL")));
        assertThat(list(memberships.get("LocalSecondaryIndexes"))).singleElement().isEqualTo(Map.of(
                "IndexName", USER_INDEX,
                "KeySchema", List.of(Map.of("AttributeName", "room", "KeyType", "HASH"),
                        Map.of("AttributeName", "userId", "KeyType", "RANGE")),
                "Projection", Map.of("ProjectionType", "INCLUDE", "NonKeyAttributes", List.of("ttl"))));
        assertThat(list(template.properties("MessagesTable").get("KeySchema"))).containsExactly(
                Map.of("AttributeName", "room", "KeyType", "HASH"), Map.of("AttributeName", "seq", "KeyType", "RANGE"));
    }

    @Test
    void the_room_tables_are_laid_out_as_the_adapters_define_them_with_ttl_on_their_attribute() {
        assertThat(layoutOf(template.properties("MembershipsTable")))
                .isEqualTo(layoutOf(DynamoDbRoomMembership.tableDefinition("memberships")));
        assertThat(layoutOf(template.properties("MessagesTable")))
                .isEqualTo(layoutOf(DynamoDbMessageLog.tableDefinition("messages")));
        assertThat(template.properties("MembershipsTable").get("TimeToLiveSpecification"))
                .isEqualTo(Map.of("AttributeName", DynamoDbRoomMembership.DEFAULT_TTL_ATTRIBUTE_NAME, "Enabled", true));
        assertThat(template.properties("MessagesTable").get("TimeToLiveSpecification"))
                .isEqualTo(Map.of("AttributeName", DynamoDbMessageLog.DEFAULT_TTL_ATTRIBUTE_NAME, "Enabled", true));
    }

    /** The keys, attribute definitions and indexes of a table in the template, as the template writes them. */
    private static Map<String, Object> layoutOf(Map<String, Object> table) {
        Map<String, Object> layout = new LinkedHashMap<>();
        for (String key : List.of("KeySchema", "AttributeDefinitions", "GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
            layout.put(key, Set.copyOf(list(table.get(key))));
        }
        layout.put("BillingMode", table.get("BillingMode"));
        return layout;
    }

    /** The same of an adapter's table definition. */
    private static Map<String, Object> layoutOf(CreateTableRequest definition) {
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("KeySchema", Set.copyOf(keys(definition.keySchema())));
        layout.put("AttributeDefinitions", definition.attributeDefinitions().stream()
                .map(a -> Map.of("AttributeName", a.attributeName(), "AttributeType", a.attributeTypeAsString()))
                .collect(Collectors.toSet()));
        layout.put("GlobalSecondaryIndexes", definition.globalSecondaryIndexes().stream()
                .map(index -> index(index.indexName(), index.keySchema(), index.projection())).collect(Collectors.toSet()));
        layout.put("LocalSecondaryIndexes", definition.localSecondaryIndexes().stream()
                .map(index -> index(index.indexName(), index.keySchema(), index.projection())).collect(Collectors.toSet()));
        layout.put("BillingMode", definition.billingModeAsString());
        return layout;
    }

    private static Map<String, Object> index(String name, List<KeySchemaElement> keys, Projection projection) {
        Map<String, Object> written = new HashMap<>(Map.of("ProjectionType", projection.projectionTypeAsString()));
        if (projection.hasNonKeyAttributes()) {
            written.put("NonKeyAttributes", projection.nonKeyAttributes());
        }
        return Map.of("IndexName", name, "KeySchema", keys(keys), "Projection", written);
    }

    private static List<Map<String, String>> keys(List<KeySchemaElement> keys) {
        return keys.stream().map(k -> Map.of("AttributeName", k.attributeName(), "KeyType", k.keyTypeAsString())).toList();
    }

    private static List<String> with(List<String> grants, String... more) {
        return Stream.concat(grants.stream(), Stream.of(more)).toList();
    }

    @Test
    void authorization_is_on_exactly_when_auth_issuer_is_set_and_its_parameters_default_to_empty() {
        Map<String, Object> parameters = map(template.root().get("Parameters"));

        for (String parameter : List.of("AuthIssuer", "AuthAudience", "AuthJwksUrl")) {
            assertThat(map(parameters.get(parameter))).containsEntry("Type", "String").containsEntry("Default", "");
        }
        assertThat(map(template.root().get("Conditions")).get(AUTH_ON)).isEqualTo(
                Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "AuthIssuer"), "")))));
    }

    @Test
    void with_auth_issuer_empty_the_resources_are_exactly_the_tutorials_and_connect_is_open() {
        assertThat(template.resources().keySet()).allSatisfy(id -> assertThat(template.resource(id).get("Condition"))
                .as("the condition of %s", id).isIn(null, AUTH_ON, AUTH_OFF));
        Set<String> withAuthOff = template.resources().keySet().stream()
                .filter(id -> !AUTH_ON.equals(template.resource(id).get("Condition"))).collect(Collectors.toSet());
        Set<String> onlyWithAuthOn = template.resources().keySet().stream()
                .filter(id -> AUTH_ON.equals(template.resource(id).get("Condition"))).collect(Collectors.toSet());

        assertThat(withAuthOff).isEqualTo(TUTORIAL_RESOURCES);
        assertThat(onlyWithAuthOn).containsExactlyInAnyOrder(
                AUTHORIZER_FUNCTION, "ConnectAuthorizer", "AuthorizerPermission", "AuthDeployment");
        assertThat(map(template.root().get("Conditions")).get(AUTH_OFF))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "AuthIssuer"), "")));
        assertThat(resolved(template.properties("ConnectRoute"), false))
                .containsOnlyKeys("ApiId", "RouteKey", "AuthorizationType", "OperationName", "Target")
                .containsEntry("AuthorizationType", "NONE");
        assertThat(resolved(template.properties("ConnectRoute"), true))
                .containsEntry("AuthorizationType", "CUSTOM").containsEntry("AuthorizerId", Map.of("Ref", "ConnectAuthorizer"));
        for (String route : template.resourcesOfType("AWS::ApiGatewayV2::Route")) {
            if (!route.equals("ConnectRoute")) {
                assertThat(template.properties(route)).as(route).containsEntry("AuthorizationType", "NONE")
                        .doesNotContainKey("AuthorizerId");
            }
        }
    }

    @Test
    void the_connect_authorizer_is_a_request_authorizer_on_the_token_query_parameter_invoking_the_live_alias() {
        Map<String, Object> authorizer = template.properties("ConnectAuthorizer");

        assertThat(template.resource("ConnectAuthorizer")).containsEntry("Type", "AWS::ApiGatewayV2::Authorizer");
        assertThat(authorizer).containsEntry("ApiId", Map.of("Ref", "ChatApi"))
                .containsEntry("AuthorizerType", "REQUEST")
                .containsEntry("IdentitySource", List.of("route.request.querystring.token"));
        assertThat(map(authorizer.get("AuthorizerUri")).get("Fn::Sub")).isEqualTo(
                "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${AuthorizerFunctionAliaslive}/invocations");
        assertThat(template.properties(AUTHORIZER_FUNCTION))
                .containsEntry("Handler", AuthorizerHandler.class.getName() + "::handleRequest");
    }

    @Test
    void api_gateway_may_invoke_the_authorizer_alias_from_this_apis_authorizer_only() {
        Map<String, Object> permission = template.properties("AuthorizerPermission");

        assertThat(permission).containsEntry("Action", "lambda:InvokeFunction")
                .containsEntry("Principal", "apigateway.amazonaws.com")
                .containsEntry("FunctionName", Map.of("Ref", AUTHORIZER_FUNCTION + LIVE_ALIAS));
        assertThat(map(permission.get("SourceArn")).get("Fn::Sub")).isEqualTo(
                "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${ChatApi}/authorizers/${ConnectAuthorizer}");
    }

    @Test
    void the_authorizer_function_may_do_no_aws_action_and_reads_the_auth_settings() throws Exception {
        Map<String, Object> function = template.properties(AUTHORIZER_FUNCTION);

        assertThat(function).doesNotContainKeys("Policies", "Role");
        assertThat(grants(AUTHORIZER_FUNCTION)).isEmpty();
        assertThat(map(map(function.get("Environment")).get("Variables"))).isEqualTo(Map.of(
                AuthSettings.AUTH_ISSUER, Map.of("Ref", "AuthIssuer"),
                AuthSettings.AUTH_AUDIENCE, Map.of("Ref", "AuthAudience"),
                AuthSettings.AUTH_JWKS_URL, Map.of("Ref", "AuthJwksUrl")));
        Class<?> type = Class.forName(AuthorizerHandler.class.getName());
        ParameterizedType requestHandler = (ParameterizedType) type.getGenericInterfaces()[0];
        assertThat(requestHandler.getActualTypeArguments())
                .containsExactly((Type) APIGatewayCustomAuthorizerEvent.class, IamPolicyResponseV1.class);
        assertThat(type.getConstructor()).isNotNull();
    }

    /** {@code Fn::If} on {@link #AUTH_ON} resolved to one branch, {@code AWS::NoValue} dropping the key. */
    private static Map<String, Object> resolved(Map<String, Object> properties, boolean authOn) {
        Map<String, Object> resolved = new HashMap<>();
        properties.forEach((key, value) -> {
            Object result = value;
            if (value instanceof Map<?, ?> intrinsic && intrinsic.get("Fn::If") instanceof List<?> branches) {
                assertThat(branches.get(0)).isEqualTo(AUTH_ON);
                result = branches.get(authOn ? 1 : 2);
            }
            if (!Map.of("Ref", "AWS::NoValue").equals(result)) {
                resolved.put(key, result);
            }
        });
        return resolved;
    }

    @Test
    void the_outputs_give_the_wss_url_and_the_connections_endpoint() {
        Map<String, Object> outputs = map(template.root().get("Outputs"));

        assertThat(map(map(outputs.get("WebSocketURL")).get("Value")).get("Fn::Sub"))
                .isEqualTo("wss://${ChatApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${StageName}");
        assertThat((String) map(map(outputs.get("ConnectionsEndpoint")).get("Value")).get("Fn::Sub"))
                .startsWith("https://${ChatApi}.execute-api.").endsWith("/${StageName}/@connections");
    }

    private static List<Map<String, Object>> statements(String function) {
        return list(template.properties(function).get("Policies")).stream()
                .flatMap(policy -> list(map(policy).get("Statement")).stream())
                .map(SamTemplate::map)
                .toList();
    }

    /** Each allowed action on each resource, as "action on resource". */
    private static List<String> grants(String function) {
        return statements(function).stream()
                .peek(statement -> assertThat(statement).containsEntry("Effect", "Allow"))
                .flatMap(statement -> list(statement.get("Action")).stream().flatMap(action ->
                        list(statement.get("Resource")).stream().map(resource -> action + " on " + describe(resource))))
                .toList();
    }

    private static String describe(Object resource) {
        Map<String, Object> intrinsic = map(resource);
        if (intrinsic.get("Fn::Sub") instanceof String arn && arn.startsWith("${MembershipsTable.Arn}")) {
            return "MembershipsTable" + arn.substring("${MembershipsTable.Arn}".length());
        }
        if (intrinsic.get("Fn::Sub") instanceof String arn) {
            return arn.substring(arn.indexOf("${StageName}/") + "${StageName}/".length());
        }
        return single(references(resource));
    }

    private static String routeKey(String route) {
        return (String) template.properties(route).get("RouteKey");
    }

    /** The function alias that the route's proxy integration invokes. */
    private static String invokedAlias(String route) {
        String integration = single(references(template.properties(route).get("Target")));
        Map<String, Object> properties = template.properties(integration);
        assertThat(properties).containsEntry("IntegrationType", "AWS_PROXY");
        String alias = single(references(properties.get("IntegrationUri")));
        assertThat(alias).as("what %s invokes", integration).endsWith(LIVE_ALIAS);
        return alias;
    }

    private static String single(List<String> values) {
        assertThat(values).hasSize(1);
        return values.get(0);
    }
}
