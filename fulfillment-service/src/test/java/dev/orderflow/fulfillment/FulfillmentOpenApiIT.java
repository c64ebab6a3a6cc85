package dev.orderflow.fulfillment;

import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.OpenApiSpecContract;

/** fulfillment-service serves the OpenAPI document checked in as docs/api/fulfillment-service.json. */
@IntegrationTest
class FulfillmentOpenApiIT extends OpenApiSpecContract {}
