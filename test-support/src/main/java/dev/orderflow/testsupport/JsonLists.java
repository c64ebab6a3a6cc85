package dev.orderflow.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;

/** What a service lists for a customer (notifications, pushes), read as a test reads JSON: a list of maps. */
public final class JsonLists {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST_OF_MAPS =
            new ParameterizedTypeReference<>() {};

    private JsonLists() {}

    /** {@code GET uri}, which must answer {@code 200} with a JSON array of objects. */
    public static List<Map<String, Object>> get(RestTestClient http, String uri, Object... variables) {
        return http.get()
                .uri(uri, variables)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(LIST_OF_MAPS)
                .getResponseBody();
    }
}
