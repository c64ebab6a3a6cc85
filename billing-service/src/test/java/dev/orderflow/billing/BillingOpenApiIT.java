package dev.orderflow.billing;

import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.OpenApiSpecContract;

/** billing-service serves the OpenAPI document checked in as docs/api/billing-service.json. */
@IntegrationTest
class BillingOpenApiIT extends OpenApiSpecContract {}
