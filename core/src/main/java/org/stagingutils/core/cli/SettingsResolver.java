// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.stagingutils.core.config.ConfigFile;

/**
 * Layers the command line over the environment over the config file. The environment is a plain map
 * so that tests need not touch the process environment.
 */
public final class SettingsResolver {
  static final String CONFIG_VARIABLE = "STAGING_CONFIG";

  private final Map<String, String> environment;

  public SettingsResolver(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public static SettingsResolver fromSystemEnvironment() {
    return new SettingsResolver(System.getenv());
  }

  /**
   * @param configFile the {@code --config} option
   * @param commandLine the options given, under their config keys
   */
  public Settings resolve(Optional<Path> configFile, Map<String, String> commandLine) {
    Optional<Path> path =
        configFile.or(
            () ->
                Optional.ofNullable(environment.get(CONFIG_VARIABLE))
                    .filter(s -> !s.isBlank())
                    .map(Path::of));
    ConfigFile file = path.map(ConfigFile::load).orElseGet(ConfigFile::none);
    return new Settings(commandLine, environment, file);
  }
}
