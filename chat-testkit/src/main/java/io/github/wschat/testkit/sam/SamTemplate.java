package io.github.wschat.testkit.sam;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SAM (or CloudFormation) template read as plain YAML with SnakeYAML's safe constructor. Intrinsics
 * must be in their long form ({@code Ref:}, {@code Fn::Sub:}, {@code Fn::GetAtt:}), which any YAML parser
 * reads; the short form ({@code !Ref}) is refused. Mappings are {@code Map<String, Object>}, sequences
 * {@code List<Object>}, scalars strings, numbers and booleans.
 *
 * <pre>{@code
 * SamTemplate template = SamTemplate.read(Path.of("template.yaml"));
 * for (String route : template.resourcesOfType("AWS::ApiGatewayV2::Route")) {
 *     Object target = template.properties(route).get("Target");
 *     List<String> integration = SamTemplate.references(target);
 * }
 * }</pre>
 */
public final class SamTemplate {

    /** A variable of a {@code Fn::Sub} string naming a resource or parameter: {@code ${Id}} or {@code ${Id.Attribute}}. */
    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z0-9]+)?}");

    private final Path path;
    private final Map<String, Object> root;

    private SamTemplate(Path path, Map<String, Object> root) {
        this.path = path;
        this.root = root;
    }

    /** Reads {@code template}. */
    public static SamTemplate read(Path template) throws IOException {
        Objects.requireNonNull(template, "template");
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(root instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(template + " is not a YAML mapping");
            }
            return new SamTemplate(template, map(root));
        }
    }

    /** The file this was read from. */
    public Path path() {
        return path;
    }

    /** The whole template: {@code Parameters}, {@code Globals}, {@code Resources}, {@code Outputs}… */
    public Map<String, Object> root() {
        return root;
    }

    /** The {@code Resources} section by logical id. */
    public Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    /**
     * The resource of {@code logicalId}: its {@code Type}, {@code Properties}, {@code DependsOn}…
     *
     * @throws IllegalArgumentException if the template has no such resource
     */
    public Map<String, Object> resource(String logicalId) {
        Map<String, Object> resources = resources();
        if (!(resources.get(logicalId) instanceof Map<?, ?> resource)) {
            throw new IllegalArgumentException("no resource " + logicalId + " in " + path);
        }
        return map(resource);
    }

    /** The {@code Properties} of the resource of {@code logicalId} (empty if it has none). */
    public Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).get("Properties"));
    }

    /** The logical ids of the resources of {@code type}, in template order. */
    public List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * The WebSocket API the template declares, its routes resolved to their handler classes, every parameter
     * at its {@code Default}.
     */
    public SamWebSocketApi webSocketApi() {
        return webSocketApi(Map.of());
    }

    /**
     * The WebSocket API the template declares as deployed with these parameter values (the others at their
     * {@code Default}): conditions evaluated, resources whose condition is false left out, {@code Fn::If}
     * resolved. See {@link SamWebSocketApi}.
     *
     * @throws IllegalArgumentException if a parameter is not declared or has no value, a condition uses an
     *                                  intrinsic the reader does not evaluate, or the API does not resolve
     */
    public SamWebSocketApi webSocketApi(Map<String, String> parameters) {
        return SamWebSocketApi.of(this, Objects.requireNonNull(parameters, "parameters"));
    }

    /**
     * The logical ids an intrinsic refers to: a {@code Ref}'s, a {@code Fn::GetAtt}'s resource, or every
     * {@code ${Id}} and {@code ${Id.Attribute}} of a {@code Fn::Sub} string, in order (pseudo parameters
     * such as {@code ${AWS::Region}} excluded). Empty for anything else.
     */
    public static List<String> references(Object value) {
        List<String> ids = new ArrayList<>();
        if (value instanceof Map<?, ?> intrinsic) {
            if (intrinsic.get("Ref") instanceof String ref) {
                ids.add(ref);
            } else if (intrinsic.get("Fn::Sub") instanceof String template) {
                Matcher matcher = SUB_REFERENCE.matcher(template);
                while (matcher.find()) {
                    ids.add(matcher.group(1));
                }
            } else if (intrinsic.get("Fn::GetAtt") instanceof List<?> getAtt && !getAtt.isEmpty()) {
                ids.add(String.valueOf(getAtt.get(0)));
            }
        }
        return ids;
    }

    /** {@code value} as a mapping; an empty one if it is none (absent, a scalar, a sequence). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** {@code value} as a sequence: itself if it is one, else a sequence of it alone (empty if absent). */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? (List<Object>) list : List.of(value);
    }
}
