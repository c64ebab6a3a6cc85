package dev.orderflow.platform.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rule for a customer id, wherever one comes in (body field, path variable, query parameter) in every service:
 * present, at most {@value #MAX_LENGTH} characters, only letters, digits and {@code . _ @ -}. Each broken part is
 * reported on its own, so a blank id says "must not be blank" only.
 */
@NotBlank
@Size(max = CustomerId.MAX_LENGTH)
@Pattern(regexp = CustomerId.PATTERN, message = CustomerId.MESSAGE)
@Constraint(validatedBy = {})
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
public @interface CustomerId {

    /** The longest customer id, the length of the columns that hold one. */
    int MAX_LENGTH = 64;

    /** The characters of a customer id; emptiness is {@link NotBlank}'s to report. */
    String PATTERN = "[A-Za-z0-9._@-]*";

    String MESSAGE = "may contain only letters, digits and . _ @ -";

    String message() default "must be a valid customer id";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
