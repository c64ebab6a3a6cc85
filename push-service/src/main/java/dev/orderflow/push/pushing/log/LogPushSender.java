package dev.orderflow.push.pushing.log;

import dev.orderflow.push.pushing.Push;
import dev.orderflow.push.pushing.PushSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Sends a push by writing exactly {@code send notification to mobile app with token: <token> and message: <message>}
 * as one INFO line to the log; active with {@code orderflow.push.sender=log}, the default.
 */
@Component
@ConditionalOnProperty(prefix = "orderflow.push", name = "sender", havingValue = "log", matchIfMissing = true)
class LogPushSender implements PushSender {

    private static final Logger log = LoggerFactory.getLogger(LogPushSender.class);

    @Override
    public void send(Push push) {
        log.info("send notification to mobile app with token: {} and message: {}", push.token(), push.message());
    }
}
