package dev.orderflow.fulfillment.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo warehouse, bound to {@code orderflow.fulfillment.demo.*}.
 *
 * @param username the Basic username the receiver accepts
 * @param password the Basic password the receiver accepts; without one it accepts nobody, and the default connection
 *     is not created
 * @param receiverUrl this service's own base URL as the default {@code us-warehouse} destination reaches it; empty
 *     means {@code http://localhost:<the port this instance listens on>}
 */
@ConfigurationProperties("orderflow.fulfillment.demo")
public record DemoProperties(
        @DefaultValue("warehouse") String username,
        String password,
        @DefaultValue("") String receiverUrl) {

    public boolean configured() {
        return password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "DemoProperties[username=" + username + ", password=" + (configured() ? "******" : "none")
                + ", receiverUrl=" + receiverUrl + "]";
    }
}
