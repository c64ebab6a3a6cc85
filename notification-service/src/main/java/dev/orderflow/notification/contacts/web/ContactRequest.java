package dev.orderflow.notification.contacts.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /customers/{customerId}/contact}. */
record ContactRequest(@NotBlank @Email @Size(max = 254) String email) {}
