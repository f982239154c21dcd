package app.financetracker.auth.entities;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultName the name of the default entity when it is first made (environment {@code DEFAULT_ENTITY_NAME});
 *                    renaming it afterwards is a settings change
 */
@ConfigurationProperties("finance.entities")
record EntityProperties(@DefaultValue("Default") String defaultName) {
}
