package app.financetracker.kit.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** Problem details and the request size limit for every service. */
@AutoConfiguration
@Import(ApiProblemHandler.class)
public class WebAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(@Value("${finance.max-request-size:256KB}") DataSize limit) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(new RequestSizeLimit(limit));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
