package io.github.wschat.example;

import io.github.wschat.aws.auth.JwtAuthorizer;
import io.github.wschat.example.crac.Core;
import io.github.wschat.example.crac.Resource;
import org.junit.jupiter.api.Test;

import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The handlers as Lambda makes them, through their no-argument constructors. The application and
 * the CRaC registration happen once per JVM, so this test has a JVM of its own: the pom's
 * {@code lambda-container} execution, with the environment Lambda sets ({@code TABLE_NAME},
 * {@code AWS_REGION}) and {@code org.crac.Core.Compat} naming the recording CRaC implementation
 * of {@link Core}.
 */
class LambdaContainerTest {

    @Test
    void the_handlers_share_one_application_and_the_priming_is_registered_once() throws Exception {
        List<Object> handlers = List.of(new ConnectHandler(), new DisconnectHandler(), new DefaultHandler(),
                new SendMessageHandler(), new ConnectHandler());
        Object shared = ChatApplication.instance().adapter();

        for (Object handler : handlers) {
            assertThat(adapterOf(handler)).as("the adapter of %s", handler.getClass().getSimpleName()).isSameAs(shared);
        }
        List<Resource> registered = Core.getGlobalContext().registered();
        assertThat(registered).hasSize(1);
        // org.crac registers a proxy whose handler is a weak reference to the resource
        assertThat(((Reference<?>) Proxy.getInvocationHandler(registered.get(0))).get()).isInstanceOf(SnapStartPriming.class);
        assertThatCode(org.crac.Core::checkpointRestore).as("the priming, run as a checkpoint would").doesNotThrowAnyException();
    }

    @Test
    void the_authorizer_handler_of_a_container_without_auth_settings_denies_and_registers_no_priming() {
        AuthorizerHandler handler = new AuthorizerHandler();

        assertThat(handler.handleRequest(null, null).getPrincipalId()).isEqualTo(JwtAuthorizer.ANONYMOUS_PRINCIPAL);
        assertThat(Core.getGlobalContext().registered()).as("the chat's priming only, if any")
                .allSatisfy(resource -> assertThat(((Reference<?>) Proxy.getInvocationHandler(resource)).get())
                        .isInstanceOf(SnapStartPriming.class));
    }

    private static Object adapterOf(Object handler) throws ReflectiveOperationException {
        Field adapter = handler.getClass().getDeclaredField("adapter");
        adapter.setAccessible(true);
        return adapter.get(handler);
    }
}
