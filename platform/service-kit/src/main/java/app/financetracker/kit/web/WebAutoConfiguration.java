package app.financetracker.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Problem details for every service. */
@AutoConfiguration
@Import(ApiProblemHandler.class)
public class WebAutoConfiguration {
}
