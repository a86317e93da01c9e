package io.github.wschat.local.runner;

import io.github.wschat.testkit.jwt.LoopbackIssuer;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Identity in the local chat, chosen by the environment as PROTOCOL §2 and issue 10 say:
 * <ul>
 *   <li>{@code CHAT_AUTH=dev}: a development issuer on loopback ({@link LoopbackIssuer}: a key pair made at
 *       start, its JWKS served, {@code GET /dev/token?user=…&name=…&rooms=…} minting tokens);</li>
 *   <li>{@code AUTH_ISSUER} set (and {@code AUTH_AUDIENCE}, optionally {@code AUTH_JWKS_URL}): that issuer,
 *       any OIDC provider or a test's own JWKS on loopback;</li>
 *   <li>neither: authorization off, the tutorial's API.</li>
 * </ul>
 * When on, the template is read with {@code AuthIssuer}, {@code AuthAudience} and {@code AuthJwksUrl} set,
 * so that its authorizer is on, and the authorizer handler gets the same values under their own names
 * ({@code AUTH_ISSUER}, …) as system properties, which it reads before the environment.
 */
final class LocalAuth implements AutoCloseable {

    static final String CHAT_AUTH = "CHAT_AUTH";
    static final String DEV = "dev";
    static final String AUTH_ISSUER = "AUTH_ISSUER";
    static final String AUTH_AUDIENCE = "AUTH_AUDIENCE";
    static final String AUTH_JWKS_URL = "AUTH_JWKS_URL";
    /** The development issuer's audience when {@code AUTH_AUDIENCE} does not say. */
    static final String DEV_AUDIENCE = "wschat";

    private static final Map<String, String> TEMPLATE_PARAMETERS = Map.of(
            AUTH_ISSUER, "AuthIssuer", AUTH_AUDIENCE, "AuthAudience", AUTH_JWKS_URL, "AuthJwksUrl");

    private final Map<String, String> settings;
    private final LoopbackIssuer devIssuer;
    private final Map<String, String> previousProperties = new LinkedHashMap<>();

    private LocalAuth(Map<String, String> settings, LoopbackIssuer devIssuer) {
        this.settings = settings;
        this.devIssuer = devIssuer;
    }

    /**
     * Checks the settings without starting anything.
     *
     * @throws IllegalArgumentException naming what is wrong: {@code CHAT_AUTH} neither {@code dev} nor unset,
     *                                  {@code CHAT_AUTH=dev} beside an {@code AUTH_ISSUER}
     */
    static void check(Map<String, String> environment) {
        String mode = value(environment, CHAT_AUTH);
        if (mode != null && !mode.equals(DEV)) {
            throw new IllegalArgumentException(CHAT_AUTH + " is " + DEV + " (a development issuer on loopback) or unset,"
                    + " not \"" + mode + "\"; for an issuer of your own set " + AUTH_ISSUER + " and " + AUTH_AUDIENCE);
        }
        if (mode != null && value(environment, AUTH_ISSUER) != null) {
            throw new IllegalArgumentException(CHAT_AUTH + "=" + DEV + " runs its own issuer: unset " + AUTH_ISSUER
                    + " or " + CHAT_AUTH);
        }
    }

    /** Starts the development issuer when asked for; off or an issuer of the user's otherwise. */
    static LocalAuth start(Map<String, String> environment, int devIssuerPort) throws Exception {
        check(environment);
        Map<String, String> settings = new LinkedHashMap<>();
        if (DEV.equals(value(environment, CHAT_AUTH))) {
            String audience = Optional.ofNullable(value(environment, AUTH_AUDIENCE)).orElse(DEV_AUDIENCE);
            LoopbackIssuer issuer = LoopbackIssuer.builder().port(devIssuerPort).audience(audience)
                    .tokenEndpoint(true).start();
            settings.put(AUTH_ISSUER, issuer.issuer().toString());
            settings.put(AUTH_AUDIENCE, audience);
            settings.put(AUTH_JWKS_URL, issuer.jwksUrl().toString());
            return new LocalAuth(settings, issuer);
        }
        if (value(environment, AUTH_ISSUER) != null) {
            for (String name : TEMPLATE_PARAMETERS.keySet()) {
                Optional.ofNullable(value(environment, name)).ifPresent(set -> settings.put(name, set));
            }
        }
        return new LocalAuth(settings, null);
    }

    boolean enabled() {
        return !settings.isEmpty();
    }

    /** {@code AUTH_ISSUER}, {@code AUTH_AUDIENCE} and {@code AUTH_JWKS_URL}, those set; none when off. */
    Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    /** The template's parameters that turn its authorizer on; none when off. */
    Map<String, String> templateParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        settings.forEach((name, value) -> parameters.put(TEMPLATE_PARAMETERS.get(name), value));
        return parameters;
    }

    /** Sets the authorizer handler's settings as system properties, until {@link #close()}. */
    void exposeToHandlers() {
        settings.forEach((name, value) -> {
            previousProperties.put(name, System.getProperty(name));
            System.setProperty(name, value);
        });
    }

    Optional<LoopbackIssuer> devIssuer() {
        return Optional.ofNullable(devIssuer);
    }

    void printBanner(PrintStream out, String webSocketUri) {
        if (devIssuer != null) {
            String mint = devIssuer.tokenEndpoint() + "?user=alice&name=Alice";
            out.println("  auth:        a development issuer at " + devIssuer.issuer() + " (CHAT_AUTH=dev)");
            out.println("  get a token: curl \"" + mint + "\"");
            out.println("  connect with: npx wscat -c \"" + webSocketUri + "?token=$(curl -s '" + mint + "')\"");
        } else if (enabled()) {
            out.println("  auth:        tokens of " + settings.get(AUTH_ISSUER)
                    + Optional.ofNullable(settings.get(AUTH_AUDIENCE)).map(audience -> " for " + audience).orElse(""));
            out.println("  connect with: npx wscat -c \"" + webSocketUri + "?token=<a token of that issuer>\"");
        } else {
            out.println("  connect with: npx wscat -c " + webSocketUri);
        }
    }

    @Override
    public void close() {
        previousProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        previousProperties.clear();
        if (devIssuer != null) {
            devIssuer.close();
        }
    }

    private static String value(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
