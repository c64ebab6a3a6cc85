package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTableTest {

    static final Terminal PIPE = new Terminal(false);

    @Test
    void showsEachPartWithItsHealthPidAndMemoryAndAddsUpWhatRuns() {
        List<String> lines = StatusTable.lines(
                List.of(
                        new StatusTable.Row(
                                "kafka", true, "UP", "localhost:9092", 4242, 400 * 1024, ".stack/logs/kafka.log"),
                        new StatusTable.Row(
                                "order-service",
                                true,
                                "STARTING",
                                "http://localhost:8081",
                                4343,
                                150 * 1024 + 1000,
                                ".stack/logs/order-service.log"),
                        StatusTable.Row.stopped("mail", "smtp://localhost:1025", ".stack/logs/mail.log")),
                PIPE);

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("NAME                   STATE     HEALTH   URL");
        assertThat(lines.get(1))
                .isEqualTo("kafka                  running   UP       localhost:9092                               "
                        + "4242      400 MB  .stack/logs/kafka.log");
        assertThat(lines.get(2))
                .contains(" running   STARTING http://localhost:8081 ")
                .contains("  150 MB  ");
        assertThat(lines.get(3))
                .startsWith("mail                   stopped   -        smtp://localhost:1025")
                .endsWith(" -              -  .stack/logs/mail.log");
        assertThat(lines.get(4))
                .startsWith("total memory (proportional set size)")
                .endsWith(" 550 MB");
        assertThat(lines.get(4)).hasSize(101);
    }

    @Test
    void noTotalWhenNothingRuns() {
        assertThat(StatusTable.lines(List.of(StatusTable.Row.stopped("kafka", "localhost:9092", "k.log")), PIPE))
                .hasSize(2);
    }

    @Test
    void anExternalPostgresShowsItsUrl() {
        assertThat(StatusTable.lines(
                                List.of(new StatusTable.Row(
                                        "postgres", false, "external", "jdbc:postgresql://db:5432/x", 0, 0, "")),
                                PIPE)
                        .get(1))
                .startsWith("postgres               external  -        jdbc:postgresql://db:5432/x");
    }

    @Test
    void coloursTheHealthOnATerminalOnlyAndKeepsTheColumnsAligned() {
        String coloured = StatusTable.lines(
                        List.of(new StatusTable.Row("kafka", true, "UP", "localhost:9092", 1, 1024, "k.log")),
                        new Terminal(true))
                .get(1);
        String plain = StatusTable.lines(
                        List.of(new StatusTable.Row("kafka", true, "UP", "localhost:9092", 1, 1024, "k.log")), PIPE)
                .get(1);

        assertThat(coloured).contains("\033[32mUP\033[0m");
        assertThat(coloured.replaceAll("\033\\[[0-9]+m", "")).isEqualTo(plain);
        assertThat(plain).doesNotContain("\033");
    }
}
