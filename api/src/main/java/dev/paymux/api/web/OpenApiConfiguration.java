package dev.paymux.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI paymuxOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Paymux API").version("v1")
                        .description("One payment API in front of many crypto payment providers. Merchant endpoints "
                                + "are signed: X-Api-Key, X-Timestamp (Unix seconds, ±300 s) and X-Signature = "
                                + "hex HMAC-SHA256(api_secret, timestamp + METHOD + path + body). A signed POST, "
                                + "PUT, PATCH or DELETE is accepted once: the same signature again is a 409, so a "
                                + "retry is signed again with a new X-Timestamp, or is a create carrying the same "
                                + "order_id (which answers with the first payment). Reads may repeat. Errors are "
                                + "{\"success\":false,\"error\":\"...\"}."))
                .components(new Components()
                        .addSecuritySchemes("hmac", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Api-Key")
                                .description("Plus X-Timestamp and X-Signature headers"))
                        .addSecuritySchemes("admin", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("Operator token")));
    }
}
