package app.financetracker.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.core.annotation.AliasFor;

/**
 * A controller alone, in seconds: its request binding, validation and problem answers (the kit's problem handler
 * joins every such slice), with no Mongo, Redis or Keycloak. Security is left out: who may call what is
 * the integration tests' and the authorization matrix's. The services the controller calls are
 * {@code @MockitoBean}s, so a test can show that a refused request reached none of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(excludeAutoConfiguration = OAuth2ResourceServerAutoConfiguration.class)
public @interface ControllerSliceTest {

    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
