package io.github.wschat.example;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The module's {@code template.yaml}, read as plain YAML (it uses the long form of intrinsics). */
final class SamTemplate {

    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    static SamTemplate load() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("template.yaml"), StandardCharsets.UTF_8)) {
            return new SamTemplate(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        }
    }

    Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = map(resources().get(logicalId));
        if (resource == null) {
            throw new AssertionError("no resource " + logicalId);
        }
        return resource;
    }

    Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).get("Properties"));
    }

    List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The logical ids a {@code Fn::Sub} string or a {@code Ref} points at. */
    static List<String> references(Object value) {
        List<String> ids = new ArrayList<>();
        if (value instanceof Map<?, ?> intrinsic) {
            if (intrinsic.containsKey("Ref")) {
                ids.add((String) intrinsic.get("Ref"));
            } else if (intrinsic.get("Fn::Sub") instanceof String template) {
                Matcher matcher = SUB_REFERENCE.matcher(template);
                while (matcher.find()) {
                    ids.add(matcher.group(1));
                }
            } else if (intrinsic.get("Fn::GetAtt") instanceof List<?> getAtt) {
                ids.add((String) getAtt.get(0));
            }
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of(value);
    }
}
