package dev.orderflow.push.pushing.web;

import dev.orderflow.push.pushing.Push;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A sent push as the API shows it. */
@Schema(name = "Push")
record PushView(String token, String message, String eventType, Instant sentAt) {

    static PushView of(Push push) {
        return new PushView(push.token(), push.message(), push.eventType(), push.sentAt());
    }
}
