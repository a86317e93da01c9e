package io.github.wschat.testkit.sam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.github.wschat.testkit.sam.SamTemplate.map;

/**
 * A template's {@code Conditions} evaluated for one set of parameter values, as CloudFormation evaluates
 * them at deployment: {@code Fn::Equals}, {@code Fn::Not}, {@code Fn::And}, {@code Fn::Or},
 * {@code Condition} and {@code Ref} to a parameter (its override, else its {@code Default}). A resource
 * whose {@code Condition} is false is not created; {@link #resolve(Object)} picks the branch of each
 * {@code Fn::If} and drops {@code Ref: AWS::NoValue}. Any other intrinsic in a condition is refused.
 */
final class SamConditions {

    private static final String NO_VALUE = "AWS::NoValue";

    /** What {@code Ref: AWS::NoValue} resolves to, before the key or element holding it is dropped. */
    private static final Object ABSENT = new Object();

    private final SamTemplate template;
    private final Map<String, String> parameters;
    private final Map<String, Boolean> evaluated = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    /**
     * @throws IllegalArgumentException if {@code overrides} names a parameter the template does not declare
     */
    SamConditions(SamTemplate template, Map<String, String> overrides) {
        this.template = template;
        Map<String, Object> declared = map(template.root().get("Parameters"));
        Map<String, String> values = new HashMap<>();
        declared.forEach((name, parameter) -> {
            Object fallback = map(parameter).get("Default");
            if (fallback != null) {
                values.put(name, String.valueOf(fallback));
            }
        });
        overrides.forEach((name, value) -> {
            if (!declared.containsKey(name)) {
                throw new IllegalArgumentException("parameter " + name + " is not declared in " + template.path());
            }
            values.put(name, Objects.requireNonNull(value, name));
        });
        this.parameters = Map.copyOf(values);
    }

    /** The parameter's value: its override, else its default. */
    String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("parameter " + name + " of " + template.path()
                    + " has no value: give it one or a Default");
        }
        return value;
    }

    /** Whether the resource of {@code logicalId} is created: it exists and has no {@code Condition}, or a true one. */
    boolean isCreated(String logicalId) {
        if (!(template.resources().get(logicalId) instanceof Map<?, ?> resource)) {
            return false;
        }
        Object condition = resource.get("Condition");
        return condition == null || isTrue(String.valueOf(condition));
    }

    /** The logical ids of the created resources of {@code type}, in template order. */
    List<String> createdOfType(String type) {
        return template.resourcesOfType(type).stream().filter(this::isCreated).toList();
    }

    /** The value of the named condition of the {@code Conditions} section. */
    boolean isTrue(String condition) {
        Boolean known = evaluated.get(condition);
        if (known != null) {
            return known;
        }
        Map<String, Object> conditions = map(template.root().get("Conditions"));
        if (!conditions.containsKey(condition)) {
            throw new IllegalArgumentException("no condition " + condition + " in " + template.path());
        }
        if (!evaluating.add(condition)) {
            throw new IllegalArgumentException("condition " + condition + " refers to itself in " + template.path());
        }
        boolean value = evaluate(conditions.get(condition), condition);
        evaluating.remove(condition);
        evaluated.put(condition, value);
        return value;
    }

    /**
     * {@code value} with each {@code Fn::If} replaced by the branch its condition picks, and each
     * {@code Ref: AWS::NoValue} removed with the key or element holding it; {@code null} if the whole value
     * is {@code AWS::NoValue}.
     */
    Object resolve(Object value) {
        Object resolved = resolveOrAbsent(value);
        return resolved == ABSENT ? null : resolved;
    }

    private Object resolveOrAbsent(Object value) {
        if (value instanceof Map<?, ?> mapping) {
            if (mapping.size() == 1 && mapping.get("Fn::If") instanceof List<?> branches) {
                if (branches.size() != 3) {
                    throw new IllegalArgumentException("Fn::If takes [condition, then, else]: " + value);
                }
                return resolveOrAbsent(isTrue(String.valueOf(branches.get(0))) ? branches.get(1) : branches.get(2));
            }
            if (mapping.size() == 1 && NO_VALUE.equals(mapping.get("Ref"))) {
                return ABSENT;
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map(mapping).forEach((key, item) -> {
                Object kept = resolveOrAbsent(item);
                if (kept != ABSENT) {
                    resolved.put(key, kept);
                }
            });
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (Object item : list) {
                Object kept = resolveOrAbsent(item);
                if (kept != ABSENT) {
                    resolved.add(kept);
                }
            }
            return resolved;
        }
        return value;
    }

    private boolean evaluate(Object expression, String where) {
        if (!(expression instanceof Map<?, ?> intrinsic) || intrinsic.size() != 1) {
            throw new IllegalArgumentException("condition " + where + ": expected one condition function, found "
                    + expression);
        }
        Map.Entry<String, Object> function = map(intrinsic).entrySet().iterator().next();
        Object argument = function.getValue();
        return switch (function.getKey()) {
            case "Fn::Equals" -> {
                List<Object> sides = arguments(argument, "Fn::Equals", where);
                if (sides.size() != 2) {
                    throw new IllegalArgumentException("condition " + where + ": Fn::Equals takes two values");
                }
                yield value(sides.get(0), where).equals(value(sides.get(1), where));
            }
            case "Fn::Not" -> {
                List<Object> operands = arguments(argument, "Fn::Not", where);
                if (operands.size() != 1) {
                    throw new IllegalArgumentException("condition " + where + ": Fn::Not takes one condition");
                }
                yield !evaluate(operands.get(0), where);
            }
            case "Fn::And" -> arguments(argument, "Fn::And", where).stream().allMatch(operand -> evaluate(operand, where));
            case "Fn::Or" -> arguments(argument, "Fn::Or", where).stream().anyMatch(operand -> evaluate(operand, where));
            case "Condition" -> isTrue(String.valueOf(argument));
            default -> throw new IllegalArgumentException("condition " + where + ": unsupported intrinsic "
                    + function.getKey() + " (the reader evaluates Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition"
                    + " and Ref to parameters)");
        };
    }

    /** A value compared by {@code Fn::Equals}: a literal, or a {@code Ref} to a parameter. */
    private String value(Object operand, String where) {
        if (operand instanceof Map<?, ?> intrinsic) {
            if (intrinsic.size() == 1 && intrinsic.get("Ref") instanceof String ref) {
                if (!map(template.root().get("Parameters")).containsKey(ref)) {
                    throw new IllegalArgumentException("condition " + where + ": Ref " + ref
                            + " is not a parameter (pseudo parameters and resources cannot be evaluated locally)");
                }
                return parameter(ref);
            }
            throw new IllegalArgumentException("condition " + where + ": unsupported intrinsic " + intrinsic.keySet()
                    + " in Fn::Equals (literals and Ref to parameters only)");
        }
        if (operand == null || operand instanceof List<?>) {
            throw new IllegalArgumentException("condition " + where + ": not a value for Fn::Equals: " + operand);
        }
        return String.valueOf(operand);
    }

    private static List<Object> arguments(Object argument, String function, String where) {
        if (!(argument instanceof List<?>)) {
            throw new IllegalArgumentException("condition " + where + ": " + function + " takes a list");
        }
        return SamTemplate.list(argument);
    }
}
