package dev.orderflow.push.tokens.web;

import static java.lang.annotation.ElementType.PARAMETER;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A device token in a path, the same rule for registering and removing one: what FCM and APNs tokens are made of. */
@Size(max = 512)
@Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may contain only letters, digits and . _ : -")
@Constraint(validatedBy = {})
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(PARAMETER)
@interface PushToken {

    String message() default "must be a valid push token";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
