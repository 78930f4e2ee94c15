// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Small wording helpers shared by the text summaries, so the three utilities read alike. */
final class TextLines {
  private TextLines() {}

  /** {@code 1 problem}, {@code 2 problems}. */
  static String count(long n, String singular) {
    return n + " " + (n == 1 ? singular : singular + "s");
  }

  /** {@code CATENTRY_ID=1001, CURRENCY=USD}. */
  static String key(Map<String, Object> key) {
    return key.entrySet().stream()
        .map(e -> e.getKey() + "=" + SummaryJson.text(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  static String seconds(Duration elapsed) {
    return String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
  }

  static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  static String lowerCase(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
