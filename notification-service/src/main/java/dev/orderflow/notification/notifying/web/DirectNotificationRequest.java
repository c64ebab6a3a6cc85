package dev.orderflow.notification.notifying.web;

import dev.orderflow.platform.json.FreeText;
import dev.orderflow.platform.web.CustomerId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /notifications}. */
record DirectNotificationRequest(
        @CustomerId String customerId,

        @NotBlank @Size(max = 2000) @FreeText String message) {}
