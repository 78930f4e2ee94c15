// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {
  /** Reads decimals exactly, so that tests see the scale a summary wrote. */
  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** A summary's JSON as a script reads it from stdout. */
  static JsonNode parsed(Summary summary) throws IOException {
    return JSON.readTree(SummaryJson.write(summary.json()));
  }

  @Test
  void columnValuesBecomeJsonNumbersBooleansAndIsoStrings() {
    assertThat(SummaryJson.write(SummaryJson.status("ok", 0)))
        .isEqualTo("{\"status\":\"ok\",\"exitCode\":0}");
    ObjectNode decimal = SummaryJson.object();
    decimal.set("price", SummaryJson.value(new BigDecimal("1E+3")));
    assertThat(SummaryJson.write(decimal)).isEqualTo("{\"price\":1000}");
    assertThat(SummaryJson.value(Timestamp.valueOf("2024-06-01 10:15:30")).asText())
        .isEqualTo("2024-06-01T10:15:30");
    assertThat(SummaryJson.value(OffsetDateTime.parse("2024-06-01T10:15:30Z")).asText())
        .isEqualTo("2024-06-01T10:15:30Z");
    assertThat(SummaryJson.value(new byte[] {1, 2, 3}).asText()).isEqualTo("AQID");
    assertThat(SummaryJson.value(true).isBoolean()).isTrue();
    assertThat(SummaryJson.value(null).isNull()).isTrue();
    UUID uuid = UUID.fromString("11111111-2222-4333-8444-555555555555");
    assertThat(SummaryJson.value(uuid).asText()).isEqualTo(uuid.toString());
  }

  @Test
  void textOfValuesMatchesJsonAndShowsNull() {
    assertThat(SummaryJson.text(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(SummaryJson.text(null)).isEqualTo("NULL");
    assertThat(SummaryJson.text(java.sql.Date.valueOf("2024-06-01"))).isEqualTo("2024-06-01");
  }
}
