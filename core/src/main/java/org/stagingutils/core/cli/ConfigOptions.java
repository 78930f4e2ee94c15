// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which config file to read. */
public final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Java properties file; keys are the long option names without dashes (env STAGING_CONFIG).")
  Path file;

  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }
}
