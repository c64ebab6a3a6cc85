package dev.orderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Assertions on the problem+json (RFC 9457) answers every orderflow service gives to bad requests. */
public final class Problems {

    private Problems() {}

    /** The answer is a 400 problem with a title and a detail, whose {@code errors} name the field. */
    @SuppressWarnings("unchecked")
    public static void assertFieldError(RestTestClient.ResponseSpec response, String field) {
        response.expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.title")
                .exists()
                .jsonPath("$.detail")
                .exists()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<Object>) fields).contains(field));
    }
}
