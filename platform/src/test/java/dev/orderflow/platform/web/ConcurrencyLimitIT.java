package dev.orderflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Past its bound a service answers 503 quickly instead of piling requests up, and its health checks keep answering. */
@IntegrationTest(
        properties = {"orderflow.platform.web.max-concurrent-requests=1", "orderflow.platform.web.queue-timeout=500ms"})
@Import(ConcurrencyLimitIT.HeldRequests.class)
class ConcurrencyLimitIT {

    private static final Duration QUEUE_TIMEOUT = Duration.ofMillis(500);

    @Autowired
    RestTestClient http;

    @Autowired
    HeldRequests held;

    @Autowired
    FilterRegistrationBean<ConcurrencyLimitFilter> limit;

    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void releaseAndClose() {
        held.release();
        clients.close();
    }

    @Test
    void rejectsARequestBeyondTheLimitAfterItsQueueTimeoutButKeepsAnsweringHealthChecks() throws Exception {
        Future<HttpStatusCode> first = holdTheOnlySlot();

        long started = System.nanoTime();
        http.get()
                .uri("/quick")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .valueEquals("Retry-After", "1")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(503)
                .jsonPath("$.title")
                .isEqualTo("Service unavailable")
                .jsonPath("$.detail")
                .isNotEmpty()
                .jsonPath("$.instance")
                .isEqualTo("/quick");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited).isGreaterThanOrEqualTo(QUEUE_TIMEOUT).isLessThan(Duration.ofSeconds(5));

        http.get().uri("/actuator/health").exchange().expectStatus().isOk();

        held.release();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(HttpStatus.OK);
        http.get().uri("/quick").exchange().expectStatus().isOk();
    }

    @Test
    void aWaitingRequestGetsTheSlotThatComesFreeWithinItsQueueTimeout() throws Exception {
        Future<HttpStatusCode> first = holdTheOnlySlot();
        Future<HttpStatusCode> second = clients.submit(() -> status("/quick"));
        await().pollInterval(Duration.ofMillis(5))
                .atMost(Duration.ofSeconds(10))
                .until(() -> limit.getFilter().waiting() == 1);

        held.release();

        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(HttpStatus.OK);
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(HttpStatus.OK);
    }

    /** Sends a request that stays inside the service, holding the only slot, until {@link HeldRequests#release()}. */
    private Future<HttpStatusCode> holdTheOnlySlot() throws InterruptedException {
        CountDownLatch entered = held.hold();
        Future<HttpStatusCode> request = clients.submit(() -> status("/held"));
        assertThat(entered.await(10, TimeUnit.SECONDS))
                .as("the held request arrived")
                .isTrue();
        return request;
    }

    private HttpStatusCode status(String uri) {
        return http.get().uri(uri).exchange().returnResult().getStatus();
    }

    /** A request that waits inside the service until the test lets it go, and one that does not. */
    @RestController
    static class HeldRequests {

        private volatile CountDownLatch entered = new CountDownLatch(1);
        private volatile CountDownLatch released = new CountDownLatch(0);

        CountDownLatch hold() {
            entered = new CountDownLatch(1);
            released = new CountDownLatch(1);
            return entered;
        }

        void release() {
            released.countDown();
        }

        @GetMapping("/held")
        String held() throws InterruptedException {
            entered.countDown();
            released.await(30, TimeUnit.SECONDS);
            return "released";
        }

        @GetMapping("/quick")
        String quick() {
            return "done";
        }
    }
}
