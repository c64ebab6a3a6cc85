package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryTest {

    @Test
    void addsUpTheProportionalSetSizeNotTheResidentOne() {
        String rollup = """
                55c0a0a00000-7ffd5f1e6000 ---p 00000000 00:00 0                          [rollup]
                Rss:              120000 kB
                Pss:               80000 kB
                Pss_Anon:          70000 kB
                Pss_File:          10000 kB
                """;

        assertThat(Memory.pssKilobytes(rollup)).isEqualTo(80000);
    }

    @Test
    void measuresThisJvm() {
        assertThat(Memory.kilobytes(List.of(ProcessHandle.current().pid()))).isPositive();
        assertThat(Memory.kilobytes(List.of())).isZero();
    }
}
