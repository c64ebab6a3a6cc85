package dev.orderflow.fulfillment.destinations;

/** An API destination answered with a status that a later attempt may not get (429 or 5xx): retried. */
public class RetryableHttpException extends RuntimeException {

    private final int status;

    public RetryableHttpException(String destination, int status) {
        super("API destination " + destination + " answered HTTP " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
