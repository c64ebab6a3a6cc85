package dev.orderflow.platform.web;

/**
 * One invalid field of a request, as listed in a 400 problem's {@code errors}.
 *
 * @param field the field's path in the body ({@code items[0].quantity}), or the name of the path variable, query
 *     parameter or header
 * @param message what is wrong with it, to be read after the field's name
 */
public record FieldProblem(String field, String message) {}
