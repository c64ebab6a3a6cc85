package dev.orderflow.order;

import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.OpenApiSpecContract;

/** order-service serves the OpenAPI document checked in as docs/api/order-service.json. */
@IntegrationTest
class OrderOpenApiIT extends OpenApiSpecContract {}
