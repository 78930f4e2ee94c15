// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import java.util.Map;

/** Options not given on the command line stay out of the map, so lower layers can supply them. */
final class CommandLineValues {
  private CommandLineValues() {}

  static void put(Map<String, String> values, String key, Object value) {
    if (value != null) {
      values.put(key, value.toString());
    }
  }
}
