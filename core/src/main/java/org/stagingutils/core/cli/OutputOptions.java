// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the summary and the log go. */
public final class OutputOptions {
  @Option(
      names = "--format",
      paramLabel = "text|json",
      description =
          "Summary on stdout: text for people, json for scripts (one object; default: text).")
  OutputFormat format;

  @Option(names = "--log", paramLabel = "FILE", description = "Also write the log to FILE.")
  Path log;

  /** The format given on the command line, before the config file was read. */
  public Optional<OutputFormat> format() {
    return Optional.ofNullable(format);
  }

  void putInto(Map<String, String> values) {
    CommandLineValues.put(values, "format", format);
    CommandLineValues.put(values, "log", log);
  }
}
