package dev.orderflow.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller, or one of its handler methods, that checks the text of its request parameters itself, so that
 * the platform does not refuse a control character in them before it runs. For pages whose fields may hold several
 * lines (JSON in a text area) and whose refusals are a message beside what was typed, not a problem document. Path
 * variables are still checked.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ChecksItsOwnParameters {}
