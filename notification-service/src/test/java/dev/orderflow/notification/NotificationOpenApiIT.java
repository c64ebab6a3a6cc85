package dev.orderflow.notification;

import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.OpenApiSpecContract;

/** notification-service serves the OpenAPI document checked in as docs/api/notification-service.json. */
@IntegrationTest
class NotificationOpenApiIT extends OpenApiSpecContract {}
