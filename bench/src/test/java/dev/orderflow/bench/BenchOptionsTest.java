package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void smokeIsShortSlowAndPatient() {
        BenchOptions o = BenchOptions.parse("smoke");
        assertThat(o.preset()).isEqualTo(BenchOptions.Preset.SMOKE);
        assertThat(o.rate()).isEqualTo(20);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.customers()).isLessThanOrEqualTo(10);
        assertThat(o.completionTimeout()).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(o.measuredRates()).containsExactly(20.0);
    }

    @Test
    void throughputStepsUpFrom100ForTwentySecondsEach() {
        BenchOptions o = BenchOptions.parse("throughput");
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.measuredRates()).startsWith(100.0, 200.0, 400.0, 600.0, 800.0, 1000.0, 1200.0);
        assertThat(o.threshold()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void latencyIs200PerSecondForAMinute() {
        BenchOptions o = BenchOptions.parse("latency");
        assertThat(o.measuredRates()).containsExactly(200.0);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void flagsOverrideThePreset() {
        BenchOptions o = BenchOptions.parse(
                "latency", "--rate", "350", "--duration=15s", "--customers", "7", "--no-limits", "--warmup", "0");
        assertThat(o.measuredRates()).containsExactly(350.0);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(o.customers()).isEqualTo(7);
        assertThat(o.warmupRate()).isEqualTo(200);
        assertThat(o.limits()).isFalse();
        assertThat(o.warmup()).isZero();
    }

    @Test
    void ordersHaveALocationThatFulfilmentRoutesBy() {
        assertThat(BenchOptions.parse().location()).isEqualTo("bench");
        assertThat(BenchOptions.parse("run", "--location", "us-east").location())
                .isEqualTo("us-east");
        assertThatThrownBy(() -> BenchOptions.parse("run", "--location", "us\"east"))
                .hasMessageContaining("--location");
    }

    @Test
    void runsAgainstTheLocalStackByDefault() {
        BenchOptions o = BenchOptions.parse();
        assertThat(o.preset()).isEqualTo(BenchOptions.Preset.RUN);
        assertThat(o.measuredRates()).containsExactly(100.0);
        assertThat(o.orderUrl()).hasToString("http://localhost:8081");
        assertThat(o.billingUrl()).hasToString("http://localhost:8082");
        assertThat(o.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(o.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/orderflow");
        assertThat(o.deposit()).isEqualByComparingTo("1000000.00");
        assertThat(o.out()).hasToString("bench-results");
        assertThat(o.limits()).isTrue();
        assertThat(o.limitDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.pgConnections()).isEqualTo(4);
    }

    @Test
    void smokeWaitsLongerForEachOrderAndMeasuresTheLimitsBriefly() {
        BenchOptions o = BenchOptions.parse("smoke", "--bootstrap-servers", "kafka:9092");
        assertThat(o.httpTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.completionTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.limitDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.bootstrapServers()).isEqualTo("kafka:9092");
    }

    @Test
    void warmsUpAtTwiceTheFirstThroughputStepAtMost200() {
        assertThat(BenchOptions.parse("throughput").warmupRate()).isEqualTo(200);
        assertThat(BenchOptions.parse("throughput", "--steps", "40,80").warmupRate())
                .isEqualTo(80);
        assertThat(BenchOptions.parse("run", "--warmup-rate", "30").warmupRate())
                .isEqualTo(30);
    }

    @Test
    void rateMaxIsTheClosedLoop() {
        BenchOptions o = BenchOptions.parse("run", "--rate", "max", "--concurrency", "8");
        assertThat(o.closedLoop()).isTrue();
        assertThat(o.concurrency()).isEqualTo(8);
        assertThat(o.measuredRates()).hasSize(1);
        assertThat(BenchOptions.parse("run", "--rate", "max", "--rate", "50").closedLoop())
                .isFalse();
        assertThatThrownBy(() -> BenchOptions.parse("throughput", "--rate", "max"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void throughputTakesStepsNotARate() {
        assertThat(BenchOptions.parse("throughput", "--steps", "50, 75").measuredRates())
                .containsExactly(50.0, 75.0);
        assertThatThrownBy(() -> BenchOptions.parse("throughput", "--rate", "100"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsDurations() {
        assertThat(BenchOptions.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(BenchOptions.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(BenchOptions.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(BenchOptions.duration("3")).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> BenchOptions.duration("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatThrownBy(() -> BenchOptions.parse("fast")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("smoke", "--speed", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("smoke", "--rate", "0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("smoke", "--rate")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("run", "--steps", "100,0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("run", "--customers", "many"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("run", "-x")).isInstanceOf(IllegalArgumentException.class);
    }
}
