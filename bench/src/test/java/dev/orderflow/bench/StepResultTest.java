package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class StepResultTest {

    @Test
    void latencyPercentilesAreMillisecondsWithTwoDecimals() {
        Histogram h = new Histogram(LoadStep.HIGHEST, 3);
        for (long micros = 10; micros <= 1_000; micros += 10) {
            h.recordValue(micros); // 0.01 ms .. 1 ms, one each: exact at 3 significant digits
        }
        StepResult.Latency latency = StepResult.Latency.of(h);
        assertThat(latency).isEqualTo(new StepResult.Latency(100, 0.5, 0.95, 0.99, 1.0, 1.0, 0.51));
        assertThat(StepResult.ms(1_234)).isEqualTo(1.23);
        assertThat(StepResult.ms(1_235)).isEqualTo(1.24);
    }

    @Test
    void countsOrdersPerSecondFromWhatBecameFinal() {
        Histogram none = new Histogram(LoadStep.HIGHEST, 3);
        StepResult r = new StepResult(
                "100/s",
                100.0,
                null,
                20,
                2000,
                1990,
                1900,
                5,
                0,
                Map.of("http 503", 10L, "payment failed", 5L),
                none,
                none,
                none,
                List.of(),
                null);
        assertThat(r.ordersPerSecond()).isEqualTo(95.25);
        assertThat(r.errorCount()).isEqualTo(15);
        assertThat(r.dispatchMeasured()).isFalse();
    }
}
