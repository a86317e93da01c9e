package io.github.wschat.server.template;

import io.github.wschat.server.ServerSettings;

import io.github.wschat.testkit.sam.SamTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.github.wschat.testkit.sam.SamTemplate.list;
import static io.github.wschat.testkit.sam.SamTemplate.map;
import static io.github.wschat.testkit.sam.SamTemplate.references;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chat-server/template.yaml} deploys the server API the way the HTTP API private integration
 * tutorial does (HTTP API, VPC link, internal ALB in private subnets, ECS Fargate), wired end to end, with
 * no more privilege than the server uses.
 */
public class ServerTemplateTest {

    private static final String TABLE_ARN = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";
    private static final String POST_TO_CONNECTIONS =
            "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebSocketApiId}/${WebSocketStage}/POST/@connections/*";
    private static final String CONTAINER = "chat-server";
    /** The jar's default port, which the template must set. */
    private static final int CONTAINER_PORT = ServerSettings.DEFAULT_PORT;
    private static final List<Object> PRIVATE_SUBNETS = List.of(Map.of("Ref", "PrivateSubnetA"), Map.of("Ref", "PrivateSubnetB"));

    /** What the server reads from its environment (the container contract), as the jar itself lists it. */
    private static final Set<String> SERVER_ENVIRONMENT = Set.copyOf(ServerSettings.VARIABLES);

    /**
     * The resources nothing else in the template names, each deployed for its effect alone: the API's routes
     * and stage (API Gateway finds them by the API), the route tables' routes and subnet associations, the
     * gateway endpoint (it adds a route to the private route table).
     */
    private static final Set<String> ROOTS = Set.of("ProxyRoute", "HealthRoute", "Stage",
            "PublicDefaultRoute", "PublicSubnetARouteTableAssociation", "PublicSubnetBRouteTableAssociation",
            "PrivateSubnetARouteTableAssociation", "PrivateSubnetBRouteTableAssociation", "DynamoDbEndpoint");

    private static SamTemplate template;

    @BeforeAll
    static void readTemplate() throws IOException {
        template = SamTemplate.read(Path.of("template.yaml"));
    }

    @Test
    void it_is_plain_cloudformation_with_every_intrinsic_in_long_form() {
        // read at all: SamTemplate's safe constructor refuses the short forms (!Ref, !Sub)
        assertThat(template.root()).doesNotContainKey("Transform").containsEntry("AWSTemplateFormatVersion", "2010-09-09");
        assertThat(template.root().keySet()).containsExactly("AWSTemplateFormatVersion", "Description", "Parameters",
                "Resources", "Outputs");
    }

    @Test
    void every_ref_getatt_sub_variable_and_depends_on_names_a_parameter_or_a_resource_of_the_template() {
        Set<String> declared = new HashSet<>(template.resources().keySet());
        declared.addAll(parameters().keySet());
        List<String> named = new ArrayList<>();
        collectReferences(template.resources(), named);
        collectReferences(template.root().get("Outputs"), named);
        template.resources().keySet().forEach(id -> named.addAll(dependsOn(id)));

        assertThat(named).isNotEmpty()
                .allSatisfy(id -> assertThat(id.startsWith("AWS::") || declared.contains(id))
                        .as("%s names something the template declares", id).isTrue());
    }

    @Test
    void every_parameter_is_used_and_every_resource_is_used_by_another_or_an_output_but_the_documented_roots() {
        Set<String> used = new HashSet<>();
        template.resources().forEach((id, resource) -> {
            List<String> named = new ArrayList<>();
            collectReferences(resource, named);
            named.addAll(dependsOn(id));
            named.stream().filter(other -> !other.equals(id)).forEach(used::add);
        });
        List<String> byOutputs = new ArrayList<>();
        collectReferences(template.root().get("Outputs"), byOutputs);
        used.addAll(byOutputs);

        assertThat(used).containsAll(parameters().keySet());
        Set<String> unused = new TreeSet<>(template.resources().keySet());
        unused.removeAll(used);
        assertThat(unused).isEqualTo(new TreeSet<>(ROOTS));
    }

    @Test
    void the_parameters_take_the_chat_stacks_tables_api_and_stage_and_the_issuer_with_their_defaults() {
        Map<String, Object> parameters = parameters();

        assertThat(parameters.keySet()).containsExactlyInAnyOrder("ImageUri", "ConnectionsTableName",
                "MembershipsTableName", "MessagesTableName", "WebSocketApiId", "WebSocketStage", "AuthIssuer",
                "AuthAudience", "AuthJwksUrl", "DesiredCount", "MessageRetentionDays", "LogRetentionDays");
        assertThat(map(parameters.get("WebSocketStage"))).containsEntry("Default", "production");
        assertThat(map(parameters.get("AuthJwksUrl"))).containsEntry("Default", "");
        assertThat(map(parameters.get("DesiredCount"))).containsEntry("Type", "Number").containsEntry("Default", 2);
        assertThat(map(parameters.get("MessageRetentionDays"))).containsEntry("Default", 7);
        assertThat(map(parameters.get("LogRetentionDays"))).containsEntry("Default", 30);
        for (String required : List.of("ImageUri", "ConnectionsTableName", "MembershipsTableName", "MessagesTableName",
                "WebSocketApiId", "AuthIssuer", "AuthAudience")) {
            assertThat(map(parameters.get(required))).as(required).doesNotContainKey("Default");
        }
    }

    @Test
    void the_chat_stack_outputs_every_value_the_server_stack_takes_from_it() throws Exception {
        Map<String, Object> chatOutputs = map(SamTemplate.read(Path.of("../chat-lambda-example/template.yaml"))
                .root().get("Outputs"));

        assertThat(map(map(chatOutputs.get("WebSocketApiId")).get("Value"))).isEqualTo(Map.of("Ref", "ChatApi"));
        assertThat(map(map(chatOutputs.get("StageName")).get("Value"))).isEqualTo(Map.of("Ref", "StageName"));
        assertThat(chatOutputs).containsKeys("ConnectionsTableName", "MembershipsTableName", "MessagesTableName");
        assertThat(parameters()).containsKeys("WebSocketApiId", "ConnectionsTableName", "MembershipsTableName",
                "MessagesTableName");
    }

    @Test
    void no_statement_has_a_wildcard_action_and_only_ecr_get_authorization_token_is_on_every_resource() {
        for (String role : template.resourcesOfType("AWS::IAM::Role")) {
            assertThat(template.properties(role)).as(role).doesNotContainKey("ManagedPolicyArns");
            for (Map<String, Object> statement : statements(role)) {
                assertThat(statement).containsEntry("Effect", "Allow").doesNotContainKeys("NotAction", "NotResource");
                assertThat(list(statement.get("Action"))).allSatisfy(action ->
                        assertThat((String) action).as("an action of %s", role).doesNotContain("*"));
                if (list(statement.get("Resource")).contains("*")) {
                    // ECR's authorization token is not a resource: IAM takes this action on "*" only
                    assertThat(role).isEqualTo("TaskExecutionRole");
                    assertThat(list(statement.get("Action"))).containsExactly("ecr:GetAuthorizationToken");
                    assertThat(list(statement.get("Resource"))).containsExactly("*");
                }
            }
        }
    }

    @Test
    void the_task_role_may_do_exactly_the_dynamodb_actions_the_server_calls_on_the_chat_stacks_tables_and_post() {
        assertThat(grants("TaskRole")).containsExactlyInAnyOrder(
                "dynamodb:Query on MembershipsTable",
                "dynamodb:BatchWriteItem on MembershipsTable",
                "dynamodb:Query on MembershipsTable/index/connectionId-room-index",
                "dynamodb:Query on MembershipsTable/index/room-userId-index",
                "dynamodb:GetItem on MessagesTable",
                "dynamodb:PutItem on MessagesTable",
                "dynamodb:UpdateItem on MessagesTable",
                "dynamodb:DeleteItem on MessagesTable",
                "dynamodb:Query on MessagesTable",
                "dynamodb:DeleteItem on ConnectionsTable",
                "execute-api:ManageConnections on POST/@connections/*");
    }

    @Test
    void the_task_roles_grants_are_those_of_the_examples_publish_history_and_members_functions_but_the_membership_check()
            throws Exception {
        SamTemplate example = SamTemplate.read(Path.of("../chat-lambda-example/template.yaml"));
        Set<String> union = new TreeSet<>();
        for (String function : List.of("PublishFunction", "HistoryFunction", "MembersFunction")) {
            for (Object policy : list(example.properties(function).get("Policies"))) {
                for (Object statement : list(map(policy).get("Statement"))) {
                    for (Object action : list(map(statement).get("Action"))) {
                        for (Object resource : list(map(statement).get("Resource"))) {
                            union.add(action + " on " + describeExampleResource(resource));
                        }
                    }
                }
            }
        }

        // a WebSocket command checks that its connection is in the room (GetItem); over HTTP there is no connection
        union.remove("dynamodb:GetItem on MembershipsTable");
        assertThat(new TreeSet<>(grants("TaskRole"))).isEqualTo(union);
    }

    @Test
    void manage_connections_is_granted_only_for_post_on_the_chat_stacks_websocket_stage() {
        List<Map<String, Object>> manage = statements("TaskRole").stream()
                .filter(s -> list(s.get("Action")).contains("execute-api:ManageConnections")).toList();

        assertThat(manage).singleElement().satisfies(statement -> {
            assertThat(list(statement.get("Action"))).containsExactly("execute-api:ManageConnections");
            assertThat(list(statement.get("Resource"))).containsExactly(Map.of("Fn::Sub", POST_TO_CONNECTIONS));
        });
        assertThat(grants("TaskExecutionRole")).noneMatch(grant -> grant.startsWith("execute-api:"));
    }

    @Test
    void the_execution_role_pulls_images_of_this_account_and_region_and_writes_to_the_stacks_log_group_only() {
        assertThat(grants("TaskExecutionRole")).containsExactlyInAnyOrder(
                "ecr:GetAuthorizationToken on *",
                "ecr:BatchCheckLayerAvailability on arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/*",
                "ecr:GetDownloadUrlForLayer on arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/*",
                "ecr:BatchGetImage on arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/*",
                "logs:CreateLogStream on LogGroup",
                "logs:PutLogEvents on LogGroup");
        for (String role : List.of("TaskRole", "TaskExecutionRole")) {
            Map<String, Object> trust = map(list(map(template.properties(role).get("AssumeRolePolicyDocument"))
                    .get("Statement")).get(0));
            assertThat(trust).containsEntry("Principal", Map.of("Service", "ecs-tasks.amazonaws.com"))
                    .containsEntry("Action", "sts:AssumeRole")
                    .containsEntry("Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"))));
        }
        Map<String, Object> taskDefinition = template.properties("TaskDefinition");
        assertThat(taskDefinition).containsEntry("ExecutionRoleArn", Map.of("Fn::GetAtt", List.of("TaskExecutionRole", "Arn")))
                .containsEntry("TaskRoleArn", Map.of("Fn::GetAtt", List.of("TaskRole", "Arn")));
    }

    @Test
    void the_tasks_the_load_balancer_and_the_vpc_link_are_in_the_private_subnets_without_public_ips() {
        Map<String, Object> awsvpc = map(map(template.properties("Service").get("NetworkConfiguration")).get("AwsvpcConfiguration"));
        assertThat(awsvpc).containsEntry("AssignPublicIp", "DISABLED").containsEntry("Subnets", PRIVATE_SUBNETS)
                .containsEntry("SecurityGroups", List.of(groupId("TaskSecurityGroup")));
        assertThat(template.properties("LoadBalancer")).containsEntry("Scheme", "internal")
                .containsEntry("Type", "application")
                .containsEntry("Subnets", PRIVATE_SUBNETS)
                .containsEntry("SecurityGroups", List.of(groupId("LoadBalancerSecurityGroup")));
        assertThat(template.properties("VpcLink")).containsEntry("SubnetIds", PRIVATE_SUBNETS)
                .containsEntry("SecurityGroupIds", List.of(groupId("VpcLinkSecurityGroup")));
    }

    @Test
    void two_public_and_two_private_subnets_in_two_zones_the_private_ones_out_through_the_nat_gateway() {
        assertThat(template.resourcesOfType("AWS::EC2::Subnet"))
                .containsExactlyInAnyOrder("PublicSubnetA", "PublicSubnetB", "PrivateSubnetA", "PrivateSubnetB");
        assertThat(zone("PublicSubnetA")).isEqualTo(zone("PrivateSubnetA")).isEqualTo(0);
        assertThat(zone("PublicSubnetB")).isEqualTo(zone("PrivateSubnetB")).isEqualTo(1);
        assertThat(routeTableOf("PublicSubnetA")).isEqualTo(routeTableOf("PublicSubnetB")).isEqualTo("PublicRouteTable");
        assertThat(routeTableOf("PrivateSubnetA")).isEqualTo(routeTableOf("PrivateSubnetB")).isEqualTo("PrivateRouteTable");
        assertThat(template.properties("PublicDefaultRoute")).containsEntry("RouteTableId", Map.of("Ref", "PublicRouteTable"))
                .containsEntry("DestinationCidrBlock", "0.0.0.0/0").containsEntry("GatewayId", Map.of("Ref", "InternetGateway"));
        assertThat(template.properties("PrivateDefaultRoute")).containsEntry("RouteTableId", Map.of("Ref", "PrivateRouteTable"))
                .containsEntry("DestinationCidrBlock", "0.0.0.0/0").containsEntry("NatGatewayId", Map.of("Ref", "NatGateway"));
        assertThat(template.properties("NatGateway")).containsEntry("SubnetId", Map.of("Ref", "PublicSubnetA"));
        assertThat(template.resourcesOfType("AWS::EC2::NatGateway")).hasSize(1);
        assertThat(template.properties("DynamoDbEndpoint")).containsEntry("VpcEndpointType", "Gateway")
                .containsEntry("RouteTableIds", List.of(Map.of("Ref", "PrivateRouteTable")));
    }

    @Test
    void the_load_balancer_admits_port_80_from_the_vpc_link_only_and_the_tasks_8080_from_the_load_balancer_only() {
        assertThat(template.resourcesOfType("AWS::EC2::SecurityGroupIngress")).isEmpty();
        assertThat(list(template.properties("VpcLinkSecurityGroup").get("SecurityGroupIngress"))).isEmpty();
        assertThat(list(template.properties("LoadBalancerSecurityGroup").get("SecurityGroupIngress"))).containsExactly(
                Map.of("IpProtocol", "tcp", "FromPort", 80, "ToPort", 80, "SourceSecurityGroupId", groupId("VpcLinkSecurityGroup")));
        assertThat(list(template.properties("TaskSecurityGroup").get("SecurityGroupIngress"))).containsExactly(
                Map.of("IpProtocol", "tcp", "FromPort", CONTAINER_PORT, "ToPort", CONTAINER_PORT,
                        "SourceSecurityGroupId", groupId("LoadBalancerSecurityGroup")));
        assertThat(template.properties("Listener")).containsEntry("Port", 80).containsEntry("Protocol", "HTTP");
    }

    @Test
    void the_target_group_health_checks_healthz_with_200_on_the_container_port_and_drains_within_30_seconds() {
        Map<String, Object> targetGroup = template.properties("TargetGroup");

        assertThat(targetGroup).containsEntry("TargetType", "ip").containsEntry("Protocol", "HTTP")
                .containsEntry("Port", CONTAINER_PORT)
                .containsEntry("HealthCheckProtocol", "HTTP")
                .containsEntry("HealthCheckPort", "traffic-port")
                .containsEntry("HealthCheckPath", ServerSettings.HEALTH_PATH)
                .containsEntry("Matcher", Map.of("HttpCode", "200"))
                .containsEntry("VpcId", Map.of("Ref", "Vpc"));
        int deregistrationDelay = Integer.parseInt(String.valueOf(attributes(targetGroup.get("TargetGroupAttributes"))
                .get("deregistration_delay.timeout_seconds")));
        assertThat(deregistrationDelay).isPositive().isLessThan(30);
        assertThat(list(template.properties("Listener").get("DefaultActions"))).containsExactly(
                Map.of("Type", "forward", "TargetGroupArn", Map.of("Ref", "TargetGroup")));
        assertThat(list(template.properties("Service").get("LoadBalancers"))).containsExactly(Map.of(
                "ContainerName", CONTAINER, "ContainerPort", CONTAINER_PORT, "TargetGroupArn", Map.of("Ref", "TargetGroup")));
    }

    @Test
    void the_service_keeps_desired_count_fargate_tasks_and_rolls_a_failed_deployment_back() {
        Map<String, Object> service = template.properties("Service");

        assertThat(service).containsEntry("LaunchType", "FARGATE").containsEntry("Cluster", Map.of("Ref", "Cluster"))
                .containsEntry("DesiredCount", Map.of("Ref", "DesiredCount"))
                .containsEntry("TaskDefinition", Map.of("Ref", "TaskDefinition"));
        assertThat((Integer) service.get("HealthCheckGracePeriodSeconds")).isPositive();
        assertThat(map(map(service.get("DeploymentConfiguration")).get("DeploymentCircuitBreaker")))
                .isEqualTo(Map.of("Enable", true, "Rollback", true));
        assertThat(dependsOn("Service")).contains("Listener", "PrivateDefaultRoute");
    }

    @Test
    void the_task_definition_sets_exactly_the_servers_environment_and_the_connections_endpoint_of_the_chat_stage() {
        Map<String, Object> variables = environment();

        assertThat(variables.keySet()).isEqualTo(SERVER_ENVIRONMENT);
        assertThat(variables).containsEntry("PORT", String.valueOf(CONTAINER_PORT))
                .containsEntry("TABLE_NAME", Map.of("Ref", "ConnectionsTableName"))
                .containsEntry("MEMBERSHIPS_TABLE_NAME", Map.of("Ref", "MembershipsTableName"))
                .containsEntry("MESSAGES_TABLE_NAME", Map.of("Ref", "MessagesTableName"))
                .containsEntry("CONNECTIONS_ENDPOINT", Map.of("Fn::Sub",
                        "https://${WebSocketApiId}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${WebSocketStage}"))
                .containsEntry("AUTH_ISSUER", Map.of("Ref", "AuthIssuer"))
                .containsEntry("AUTH_AUDIENCE", Map.of("Ref", "AuthAudience"))
                .containsEntry("AUTH_JWKS_URL", Map.of("Ref", "AuthJwksUrl"))
                .containsEntry("MESSAGE_RETENTION_DAYS", Map.of("Ref", "MessageRetentionDays"))
                .containsEntry("AWS_REGION", Map.of("Ref", "AWS::Region"));
        assertThat(Integer.parseInt((String) variables.get("SHUTDOWN_GRACE_SECONDS")))
                .as("the server's grace ends before ECS's SIGKILL").isLessThan((Integer) container().get("StopTimeout"));
    }

    @Test
    void the_task_is_a_fargate_awsvpc_task_of_one_container_on_8080_stopped_within_30_seconds() {
        Map<String, Object> taskDefinition = template.properties("TaskDefinition");

        assertThat(taskDefinition).containsEntry("NetworkMode", "awsvpc").containsEntry("RequiresCompatibilities", List.of("FARGATE"))
                .containsKeys("Cpu", "Memory");
        assertThat(list(taskDefinition.get("ContainerDefinitions"))).hasSize(1);
        assertThat(container()).containsEntry("Name", CONTAINER).containsEntry("Image", Map.of("Ref", "ImageUri"))
                .containsEntry("Essential", true).containsEntry("StopTimeout", 30)
                .containsEntry("PortMappings", List.of(Map.of("ContainerPort", CONTAINER_PORT, "Protocol", "tcp")))
                .doesNotContainKey("HealthCheck");
    }

    @Test
    void the_container_logs_through_awslogs_to_the_stacks_log_group_which_keeps_them_log_retention_days() {
        assertThat(map(container().get("LogConfiguration"))).isEqualTo(Map.of("LogDriver", "awslogs", "Options", Map.of(
                "awslogs-group", Map.of("Ref", "LogGroup"),
                "awslogs-region", Map.of("Ref", "AWS::Region"),
                "awslogs-stream-prefix", CONTAINER)));
        assertThat(template.properties("LogGroup")).isEqualTo(Map.of("RetentionInDays", Map.of("Ref", "LogRetentionDays")));
        assertThat(list(map(parameters().get("LogRetentionDays")).get("AllowedValues"))).contains(30);
    }

    @Test
    void the_http_api_forwards_every_path_unprefixed_through_the_vpc_link_to_the_listener() {
        assertThat(template.properties("HttpApi")).containsEntry("ProtocolType", "HTTP");
        assertThat(template.properties("Integration")).containsEntry("ApiId", Map.of("Ref", "HttpApi"))
                .containsEntry("IntegrationType", "HTTP_PROXY")
                .containsEntry("IntegrationMethod", "ANY")
                .containsEntry("ConnectionType", "VPC_LINK")
                .containsEntry("ConnectionId", Map.of("Ref", "VpcLink"))
                .containsEntry("IntegrationUri", Map.of("Ref", "Listener"))
                .containsEntry("PayloadFormatVersion", "1.0");
        // $default is served at the root: /rooms/general/messages reaches the server as itself
        assertThat(template.resourcesOfType("AWS::ApiGatewayV2::Stage")).containsExactly("Stage");
        assertThat(template.properties("Stage")).isEqualTo(Map.of("ApiId", Map.of("Ref", "HttpApi"),
                "StageName", "$default", "AutoDeploy", true));
        Map<String, Object> routes = new LinkedHashMap<>();
        for (String route : template.resourcesOfType("AWS::ApiGatewayV2::Route")) {
            assertThat(template.properties(route)).containsEntry("ApiId", Map.of("Ref", "HttpApi"))
                    .containsEntry("Target", Map.of("Fn::Sub", "integrations/${Integration}"));
            routes.put((String) template.properties(route).get("RouteKey"), route);
        }
        assertThat(routes.keySet()).containsExactlyInAnyOrder("ANY /{proxy+}", "GET /healthz");
    }

    @Test
    void every_route_but_healthz_needs_a_jwt_of_the_issuer_and_audience_in_the_authorization_header() {
        assertThat(template.properties("Authorizer")).isEqualTo(Map.of(
                "ApiId", Map.of("Ref", "HttpApi"),
                "Name", "jwt",
                "AuthorizerType", "JWT",
                "IdentitySource", List.of("$request.header.Authorization"),
                "JwtConfiguration", Map.of("Issuer", Map.of("Ref", "AuthIssuer"), "Audience", List.of(Map.of("Ref", "AuthAudience")))));
        assertThat(template.properties("ProxyRoute")).containsEntry("RouteKey", "ANY /{proxy+}")
                .containsEntry("AuthorizationType", "JWT").containsEntry("AuthorizerId", Map.of("Ref", "Authorizer"));
        assertThat(template.properties("HealthRoute")).containsEntry("RouteKey", "GET /healthz")
                .containsEntry("AuthorizationType", "NONE").doesNotContainKey("AuthorizerId");
    }

    @Test
    void the_outputs_give_the_api_url_the_cluster_the_service_and_the_log_group() {
        Map<String, Object> outputs = map(template.root().get("Outputs"));

        assertThat(outputs.keySet()).containsExactlyInAnyOrder("HttpApiUrl", "ClusterName", "ServiceName", "LogGroupName");
        assertThat(map(outputs.get("HttpApiUrl")).get("Value")).isEqualTo(Map.of("Fn::GetAtt", List.of("HttpApi", "ApiEndpoint")));
        assertThat(map(outputs.get("ClusterName")).get("Value")).isEqualTo(Map.of("Ref", "Cluster"));
        assertThat(map(outputs.get("ServiceName")).get("Value")).isEqualTo(Map.of("Fn::GetAtt", List.of("Service", "Name")));
        assertThat(map(outputs.get("LogGroupName")).get("Value")).isEqualTo(Map.of("Ref", "LogGroup"));
    }

    static Map<String, Object> container() {
        return map(list(template.properties("TaskDefinition").get("ContainerDefinitions")).get(0));
    }

    static int containerPort() {
        return (Integer) map(list(container().get("PortMappings")).get(0)).get("ContainerPort");
    }

    private static Map<String, Object> environment() {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Object variable : list(container().get("Environment"))) {
            assertThat(map(variable)).containsOnlyKeys("Name", "Value");
            assertThat(variables.put((String) map(variable).get("Name"), map(variable).get("Value")))
                    .as("%s set twice", map(variable).get("Name")).isNull();
        }
        return variables;
    }

    private static Map<String, Object> parameters() {
        return map(template.root().get("Parameters"));
    }

    private static Map<String, Object> groupId(String securityGroup) {
        return Map.of("Fn::GetAtt", List.of(securityGroup, "GroupId"));
    }

    private static Object zone(String subnet) {
        return list(map(template.properties(subnet).get("AvailabilityZone")).get("Fn::Select")).get(0);
    }

    private static String routeTableOf(String subnet) {
        List<String> tables = template.resourcesOfType("AWS::EC2::SubnetRouteTableAssociation").stream()
                .filter(a -> Map.of("Ref", subnet).equals(template.properties(a).get("SubnetId")))
                .map(a -> references(template.properties(a).get("RouteTableId")).get(0)).toList();
        assertThat(tables).as("the route table of %s", subnet).hasSize(1);
        return tables.get(0);
    }

    private static Map<String, Object> attributes(Object keyValues) {
        return list(keyValues).stream().map(SamTemplate::map)
                .collect(Collectors.toMap(kv -> (String) kv.get("Key"), kv -> kv.get("Value")));
    }

    private static List<String> dependsOn(String id) {
        return list(template.resource(id).get("DependsOn")).stream().map(String::valueOf).toList();
    }

    /** Every id named by a Ref, Fn::GetAtt or Fn::Sub variable anywhere in {@code node}. */
    private static void collectReferences(Object node, List<String> into) {
        if (node instanceof Map<?, ?> mapping) {
            into.addAll(references(mapping));
            mapping.values().forEach(value -> collectReferences(value, into));
        } else if (node instanceof List<?> sequence) {
            sequence.forEach(value -> collectReferences(value, into));
        }
    }

    private static List<Map<String, Object>> statements(String role) {
        return list(template.properties(role).get("Policies")).stream()
                .flatMap(policy -> list(map(map(policy).get("PolicyDocument")).get("Statement")).stream())
                .map(SamTemplate::map)
                .toList();
    }

    /** Each allowed action on each resource of the role, as "action on resource". */
    /**
     * What the template's task role grants, each as {@code "dynamodb:Query on MembershipsTable/index/…"}: for a test
     * that records what the server calls.
     */
    public static List<String> taskRoleGrants() throws IOException {
        if (template == null) {
            readTemplate();
        }
        return grants("TaskRole");
    }

    private static List<String> grants(String role) {
        return statements(role).stream()
                .peek(statement -> assertThat(statement).containsEntry("Effect", "Allow"))
                .flatMap(statement -> list(statement.get("Action")).stream().flatMap(action ->
                        list(statement.get("Resource")).stream().map(resource -> action + " on " + describe(resource))))
                .toList();
    }

    /** A resource of this template, named as the example's tests name the same one: "MembershipsTable/index/…". */
    private static String describe(Object resource) {
        if (resource instanceof String literal) {
            return literal;
        }
        Map<String, Object> intrinsic = map(resource);
        if (intrinsic.get("Fn::Sub") instanceof String arn && arn.startsWith(TABLE_ARN)) {
            String table = arn.substring(TABLE_ARN.length());
            for (String name : List.of("ConnectionsTable", "MembershipsTable", "MessagesTable")) {
                String parameter = "${" + name + "Name}";
                if (table.startsWith(parameter)) {
                    return name + table.substring(parameter.length());
                }
            }
            throw new AssertionError("a table ARN not of a table name parameter: " + arn);
        }
        if (intrinsic.get("Fn::Sub") instanceof String arn && arn.equals(POST_TO_CONNECTIONS)) {
            return "POST/@connections/*";
        }
        if (intrinsic.get("Fn::Sub") instanceof String arn) {
            return arn;
        }
        return String.join(",", references(resource));
    }

    /** A resource of the example's function policies, named the same way. */
    private static String describeExampleResource(Object resource) {
        Map<String, Object> intrinsic = map(resource);
        if (intrinsic.get("Fn::Sub") instanceof String arn && arn.startsWith("${MembershipsTable.Arn}")) {
            return "MembershipsTable" + arn.substring("${MembershipsTable.Arn}".length());
        }
        if (intrinsic.get("Fn::Sub") instanceof String arn && arn.endsWith("/${StageName}/POST/@connections/*")) {
            return "POST/@connections/*";
        }
        assertThat(intrinsic).as("an example resource").containsOnlyKeys("Fn::GetAtt");
        return references(resource).get(0);
    }
}
