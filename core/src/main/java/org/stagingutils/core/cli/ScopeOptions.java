// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which staged tables to work on. */
public final class ScopeOptions {
  @Option(
      names = "--scope",
      paramLabel = "NAME",
      description =
          "Table group declared as scope.NAME in the config file (default: all, every group).")
  String scope;

  @Option(
      names = "--table",
      paramLabel = "NAME",
      description = "Restrict to this staged table; repeatable.")
  List<String> tables = new ArrayList<>();

  public List<String> tables() {
    return List.copyOf(tables);
  }

  void putInto(Map<String, String> values) {
    CommandLineValues.put(values, "scope", scope);
  }
}
