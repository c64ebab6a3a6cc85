package dev.orderflow.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document of a service at {@code /v3/api-docs}, with Swagger UI at {@code /swagger-ui.html} (both open
 * without a token, see the security configuration): titled with {@code spring.application.name}, every operation
 * behind the bearer JWT that auth-service issues, and the problem+json answers each operation can give
 * ({@link ProblemResponses}). Springdoc's own settings get defaults for stable, reviewable documents
 * ({@code springdoc-defaults.properties}); a service's configuration may override them.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.configuration.SpringDocConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@PropertySource("classpath:dev/orderflow/platform/openapi/springdoc-defaults.properties")
public class OpenApiAutoConfiguration {

    /** The name of the security scheme every operation requires. */
    public static final String BEARER = "bearer-jwt";

    /** The version of the HTTP API, which changes only with an incompatible change (as the events' {@code .v1}). */
    static final String API_VERSION = "v1";

    static {
        // Free-form JSON (rules' patterns, custom events' detail) is any JSON object, not the JsonNode class's getters.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(Environment environment) {
        String name = environment.getProperty("spring.application.name", "orderflow");
        return new OpenAPI()
                .info(new Info()
                        .title(name)
                        .version(API_VERSION)
                        .description("The HTTP API of orderflow's " + name + ". Every answer that is not a success"
                                + " is application/problem+json (RFC 9457) with status, title and detail; a 400 also"
                                + " lists the invalid fields in errors. Every operation needs a bearer JWT issued by"
                                + " auth-service (bin/token prints one)."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("A JWT from auth-service: a customer's (subject = customerId,"
                                                + " scope orderflow.customer) acts on that customer's data only; an"
                                                + " operator's (scope orderflow.admin) on everything.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    GlobalOperationCustomizer problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    GlobalOpenApiCustomizer problemSchemas() {
        return ProblemResponses::addComponents;
    }
}
