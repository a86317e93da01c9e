package io.github.wschat.local.runner;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SAM template says of its WebSocket API: the route selection expression, the stage, and for
 * each route the handler class of the function its integration invokes, found the way
 * CloudFormation resolves it (route → {@code Target} → integration → {@code IntegrationUri} → function
 * or its alias → {@code Handler}). Intrinsics must be in their long form ({@code Ref:}, {@code Fn::Sub:}).
 */
public record SamWebSocketTemplate(String routeSelectionExpression, String stage, List<RouteHandler> routes) {

    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z]+)?}");
    private static final String ALIAS_SUFFIX = "Alias";

    /**
     * One route and the handler class the template gives it.
     *
     * @param routeKey     {@code $connect}, {@code sendmessage}, …
     * @param handlerClass the class of {@code Handler: class::method}
     * @param twoWay       whether the route has a route response ({@code RouteResponseSelectionExpression})
     */
    public record RouteHandler(String routeKey, String handlerClass, boolean twoWay) {
    }

    public SamWebSocketTemplate {
        Objects.requireNonNull(routeSelectionExpression, "routeSelectionExpression");
        Objects.requireNonNull(stage, "stage");
        routes = List.copyOf(routes);
    }

    /** Reads and resolves {@code template}. */
    public static SamWebSocketTemplate read(Path template) throws IOException {
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return resolve(root, template);
        }
    }

    private static SamWebSocketTemplate resolve(Map<String, Object> root, Path template) {
        Map<String, Object> resources = map(root.get("Resources"));
        String api = onlyResourceOfType(resources, "AWS::ApiGatewayV2::Api", template);
        String expression = (String) map(map(resources.get(api)).get("Properties")).get("RouteSelectionExpression");
        List<RouteHandler> routes = new ArrayList<>();
        resources.forEach((id, value) -> {
            Map<String, Object> resource = map(value);
            if ("AWS::ApiGatewayV2::Route".equals(resource.get("Type"))) {
                Map<String, Object> route = map(resource.get("Properties"));
                String integration = referenced(route.get("Target"))
                        .orElseThrow(() -> new IllegalArgumentException("route " + id + " has no integration Target"));
                Map<String, Object> integrationProperties = map(map(resources.get(integration)).get("Properties"));
                String function = referenced(integrationProperties.get("IntegrationUri"))
                        .map(name -> functionOf(name, resources))
                        .orElseThrow(() -> new IllegalArgumentException("integration " + integration + " invokes no function"));
                String handler = (String) map(map(resources.get(function)).get("Properties")).get("Handler");
                if (handler == null) {
                    throw new IllegalArgumentException("function " + function + " has no Handler");
                }
                int method = handler.indexOf("::");
                routes.add(new RouteHandler((String) route.get("RouteKey"),
                        method < 0 ? handler : handler.substring(0, method),
                        route.containsKey("RouteResponseSelectionExpression")));
            }
        });
        return new SamWebSocketTemplate(expression == null ? "$request.body.action" : expression, stageOf(root, resources), routes);
    }

    /** The function a reference names: itself, or the function of a SAM alias ({@code <Function>Alias<name>}). */
    private static String functionOf(String name, Map<String, Object> resources) {
        if (resources.get(name) instanceof Map<?, ?> resource && "AWS::Serverless::Function".equals(resource.get("Type"))) {
            return name;
        }
        int alias = name.lastIndexOf(ALIAS_SUFFIX);
        if (alias > 0 && resources.get(name.substring(0, alias)) instanceof Map<?, ?>) {
            return name.substring(0, alias);
        }
        throw new IllegalArgumentException(name + " is neither a function nor the alias of one");
    }

    /** The literal stage name, or the default of the parameter the stage refers to. */
    private static String stageOf(Map<String, Object> root, Map<String, Object> resources) {
        String stage = onlyResourceOfType(resources, "AWS::ApiGatewayV2::Stage", null);
        Object name = map(map(resources.get(stage)).get("Properties")).get("StageName");
        if (name instanceof String literal) {
            return literal;
        }
        String parameter = referenced(name).orElseThrow(() -> new IllegalArgumentException("the stage has no StageName"));
        return String.valueOf(map(map(root.get("Parameters")).get(parameter)).get("Default"));
    }

    private static String onlyResourceOfType(Map<String, Object> resources, String type, Path template) {
        List<String> ids = resources.entrySet().stream()
                .filter(entry -> type.equals(map(entry.getValue()).get("Type"))).map(Map.Entry::getKey).toList();
        if (ids.size() != 1) {
            throw new IllegalArgumentException("expected one " + type + " in " + (template == null ? "the template" : template)
                    + ", found " + ids.size());
        }
        return ids.get(0);
    }

    /** The logical id a {@code Ref}, a {@code Fn::GetAtt} or the first variable of a {@code Fn::Sub} names. */
    private static Optional<String> referenced(Object value) {
        if (value instanceof Map<?, ?> intrinsic) {
            if (intrinsic.get("Ref") instanceof String ref) {
                return Optional.of(ref);
            }
            if (intrinsic.get("Fn::GetAtt") instanceof List<?> getAtt && !getAtt.isEmpty()) {
                return Optional.of(String.valueOf(getAtt.get(0)));
            }
            if (intrinsic.get("Fn::Sub") instanceof String sub) {
                Matcher matcher = SUB_REFERENCE.matcher(sub);
                while (matcher.find()) {
                    if (!matcher.group(1).startsWith("AWS")) {
                        return Optional.of(matcher.group(1));
                    }
                }
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
