package dev.orderflow.billing.notifying;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.platform.dispatch.DispatchHandler;
import dev.orderflow.platform.security.ServiceTokens;
import java.net.http.HttpClient;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Tells notification-service of one outcome: {@code POST /internal/payment-events} in the CloudEvents HTTP binding's
 * binary mode ({@code ce-id}, {@code ce-type}, ... headers, the event's JSON as the body). Any answer but a 2xx fails
 * the attempt, and the dispatcher tries again. Each call carries this service's client-credentials token
 * ({@link ServiceTokens}), whose only scope, {@code notifications.write}, is what the endpoint asks, and the
 * {@code traceparent} of the payment whose outcome it tells.
 */
class NotificationCallSender implements DispatchHandler<NotificationCall> {

    /** notification-service's internal endpoint for the outcomes billing tells it in the HTTP style. */
    static final String PATH = "/internal/payment-events";

    private final RestClient notificationService;

    /** {@code client}: Boot's, observed, so that each call continues the trace its row was written in. */
    NotificationCallSender(
            NotificationServiceProperties properties, ServiceTokens serviceTokens, RestClient.Builder client) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.timeout());
        this.notificationService = client.baseUrl(properties.url().toString())
                .requestFactory(requests)
                .requestInterceptor(serviceTokens)
                .build();
    }

    @Override
    public void handle(NotificationCall call) {
        notificationService
                .post()
                .uri(PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .header(header(CloudEventHeaders.SPEC_VERSION), CloudEventHeaders.SPEC_VERSION_1_0)
                .header(header(CloudEventHeaders.ID), call.eventId())
                .header(header(CloudEventHeaders.TYPE), call.eventType())
                .header(header(CloudEventHeaders.SOURCE), call.source())
                .header(header(CloudEventHeaders.TIME), call.occurredAt().toString())
                .headers(headers -> {
                    if (call.subject() != null) {
                        headers.set(header(CloudEventHeaders.SUBJECT), call.subject());
                    }
                })
                .body(call.payload())
                .retrieve()
                .toBodilessEntity();
    }

    /** The HTTP binding's name of a CloudEvents attribute: {@code ce-id} where Kafka's is {@code ce_id}. */
    static String header(String kafkaHeader) {
        return kafkaHeader.replace('_', '-');
    }
}
