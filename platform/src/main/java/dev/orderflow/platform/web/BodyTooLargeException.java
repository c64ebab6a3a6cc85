package dev.orderflow.platform.web;

import java.io.IOException;

/** Reading the request body went past the limit of {@link RequestBodyLimitFilter}. */
public final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    BodyTooLargeException(long maxBytes) {
        super("The request body is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    /** The limit that was passed. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The first of {@code failure} and its causes that is a {@code BodyTooLargeException}, or {@code null}. */
    static BodyTooLargeException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
