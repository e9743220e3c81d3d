package dev.tessera.server.ops;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs} (browsable at {@code /api-docs}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
  @Bean
  OpenAPI tesseraOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Tessera API")
                .version("0.1")
                .description(
                    "Maps, the layer library, vector features, tiles of every layer (vector, archives, COGs, WMS and"
                        + " WMTS services), raster queries and the places viewport API. Errors are RFC 9457"
                        + " problem+json with a stable"
                        + " 'code'. Authenticate with 'Authorization: Bearer <api token>' or HTTP Basic.")
                .license(new License().name("Proprietary")));
  }
}
