package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesNestedValuesInOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "a \"quoted\"\nline");
        m.put("rate", 812.4);
        m.put("whole", 3.0);
        m.put("money", new BigDecimal("1000000.00"));
        m.put("none", null);
        m.put("nan", Double.NaN);
        m.put("ok", true);
        m.put("list", List.of(1, 2));
        m.put("maps", List.of(Map.of("x", 1)));
        String json = Json.write(m);
        assertThat(json)
                .contains("\"name\": \"a \\\"quoted\\\"\\nline\"")
                .contains("\"rate\": 812.4")
                .contains("\"whole\": 3,")
                .contains("\"money\": 1000000.00")
                .contains("\"none\": null")
                .contains("\"nan\": null")
                .contains("\"ok\": true")
                .contains("\"list\": [1, 2]")
                .contains("\"x\": 1");
        assertThat(json.indexOf("\"name\"")).isLessThan(json.indexOf("\"maps\""));
    }

    @Test
    void writesEmptyContainers() {
        assertThat(Json.write(Arrays.asList())).isEqualTo("[]\n");
        assertThat(Json.write(Map.of())).isEqualTo("{}\n");
    }
}
