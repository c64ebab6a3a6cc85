package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LoadStepTest {

    @Test
    void aFixedRateSpacesOrdersEvenly() {
        assertThat(LoadStep.secondsUntil(0, 200, 0)).isZero();
        assertThat(LoadStep.secondsUntil(200, 200, 0)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aRisingRatePlacesAsManyOrdersAsItsAverageRate() {
        // from 20/s to 200/s over 100 s: 11,000 orders, the last one at the very end
        double slope = (200 - 20) / 100.0;
        assertThat(LoadStep.secondsUntil(11_000, 20, slope)).isCloseTo(100.0, within(1e-6));
        // early on the orders are 1/20 s apart, late 1/200 s
        assertThat(LoadStep.secondsUntil(1, 20, slope)).isCloseTo(0.05, within(0.001));
        double late = LoadStep.secondsUntil(10_999, 20, slope);
        assertThat(100.0 - late).isCloseTo(0.005, within(0.0005));
    }

    @Test
    void progressShowsP99InMillisecondsWithADecimalOnlyUnder10() {
        Histogram h = new Histogram(LoadStep.HIGHEST, 3);
        assertThat(LoadStep.p99(h)).isEqualTo("-");
        h.recordValueWithCount(1_234, 99);
        h.recordValue(250_000);
        assertThat(LoadStep.p99(h)).isEqualTo("1.2 ms");
        h.recordValueWithCount(42_000, 10);
        assertThat(LoadStep.p99(h)).isEqualTo("42 ms");
    }

    @Test
    void clampsLatenciesIntoTheHistogramsRange() {
        assertThat(LoadStep.micros(-5_000)).isZero();
        assertThat(LoadStep.micros(2_500_000)).isEqualTo(2_500);
        assertThat(LoadStep.micros(Long.MAX_VALUE)).isEqualTo(LoadStep.HIGHEST);
    }
}
