package dev.orderflow.push;

import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.OpenApiSpecContract;

/** push-service serves the OpenAPI document checked in as docs/api/push-service.json. */
@IntegrationTest
class PushOpenApiIT extends OpenApiSpecContract {}
