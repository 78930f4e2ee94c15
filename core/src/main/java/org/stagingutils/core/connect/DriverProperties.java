// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.connect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The dialect's driver properties a JDBC URL does not already set: the user's URL wins. */
final class DriverProperties {
  private DriverProperties() {}

  static Map<String, String> notSetIn(String url, Map<String, String> defaults) {
    Map<String, String> missing = new LinkedHashMap<>();
    defaults.forEach(
        (name, value) -> {
          if (!setsParameter(url, name)) {
            missing.put(name, value);
          }
        });
    return missing;
  }

  /**
   * Whether the URL names the parameter, in any case (drivers read their options case-blind): after
   * {@code ?} or {@code &} (MariaDB, PostgreSQL) or {@code ;} (H2), with or without a value.
   */
  static boolean setsParameter(String url, String name) {
    return Pattern.compile(
            "[?&;]\\s*" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "\\s*(=|&|;|$)")
        .matcher(url.toLowerCase(Locale.ROOT))
        .find();
  }
}
