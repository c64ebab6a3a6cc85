package dev.orderflow.order.ordering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A customer's request to order products, before pricing.
 *
 * @param idempotencyKey optional; a second request with the same key returns the first order
 */
public record PlaceOrder(String customerId, String location, List<Line> lines, String idempotencyKey) {

    public PlaceOrder {
        lines = List.copyOf(lines);
    }

    /** A product and how many of it. */
    public record Line(String productCode, int quantity) {}

    /** A fingerprint of what was asked, to recognise an idempotency key reused for a different request. */
    String fingerprint() {
        StringBuilder text = new StringBuilder(customerId).append('\n').append(location);
        lines.forEach(
                line -> text.append('\n').append(line.productCode()).append('*').append(line.quantity()));
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
