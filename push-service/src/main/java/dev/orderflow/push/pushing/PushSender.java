package dev.orderflow.push.pushing;

/**
 * Delivers one push to one device: the port behind which the push providers sit. Exactly one implementation is active,
 * chosen by {@code orderflow.push.sender}: {@code log} (the default) writes one log line per push. A Firebase Cloud
 * Messaging sender would be another implementation, active with {@code orderflow.push.sender=fcm}, that posts the
 * push to FCM's HTTP v1 API with the token as the target and the message as the notification body.
 *
 * <p>The {@link PushDispatcher} calls it outside the listener's transaction, one push at a time, and retries a push
 * whose send throws.
 */
public interface PushSender {

    /**
     * Sends the push's message to the device with the push's token.
     *
     * @throws RuntimeException when the push was not accepted; it is retried later
     */
    void send(Push push);
}
