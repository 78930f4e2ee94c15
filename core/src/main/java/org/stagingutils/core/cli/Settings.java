// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.config.ConfigFile;
import org.stagingutils.core.config.ConnectionSettings;
import org.stagingutils.core.config.ScopeResolver;
import org.stagingutils.core.config.StagingConfig;

/**
 * The effective settings of one run: each key is looked up on the command line, then in the
 * environment (connection keys only, as SPEC.md lists them), then in the config file. Validation is
 * lazy so that the output format is known even when the connection settings are incomplete.
 */
public final class Settings {
  private static final Map<String, String> ENVIRONMENT_NAMES =
      Map.of(
          "staging-url", "STAGING_URL",
          "staging-user", "STAGING_USER",
          "staging-password", "STAGING_PASSWORD",
          "production-url", "PRODUCTION_URL",
          "production-user", "PRODUCTION_USER",
          "production-password", "PRODUCTION_PASSWORD");

  private final Map<String, String> commandLine;
  private final Map<String, String> environment;
  private final ConfigFile file;

  Settings(Map<String, String> commandLine, Map<String, String> environment, ConfigFile file) {
    this.commandLine = Map.copyOf(commandLine);
    this.environment = environment;
    this.file = file;
  }

  public Optional<String> value(String key) {
    String given = commandLine.get(key);
    if (given != null) {
      return Optional.of(given);
    }
    String variable = ENVIRONMENT_NAMES.get(key);
    if (variable != null && environment.get(variable) != null) {
      return Optional.of(environment.get(variable));
    }
    return file.get(key);
  }

  public OutputFormat format() {
    return choice("format", null, OutputFormat.class, OutputFormat.TEXT);
  }

  public Optional<Path> logFile() {
    return value("log").filter(s -> !s.isBlank()).map(Path::of);
  }

  public StagingConfig stagingConfig() {
    return new StagingConfig(
        connection("staging"), connection("production"), file.scopes(), file.path());
  }

  /** The staged tables selected by the {@code scope} setting and {@code --table}. */
  public List<String> tables(List<String> restriction) {
    return new ScopeResolver(file.scopes(), file.path())
        .resolve(value("scope").orElse(ScopeResolver.ALL), restriction);
  }

  ConnectionSettings connection(String role) {
    String url =
        value(role + "-url").filter(s -> !s.isBlank()).orElseThrow(() -> missing(role + "-url"));
    return new ConnectionSettings(
        role,
        url,
        value(role + "-user").orElse(null),
        value(role + "-password").orElse(null),
        value(role + "-schema"));
  }

  private StagingException missing(String key) {
    return StagingException.configuration(
        role(key)
            + " database URL missing: give --"
            + key
            + ", set "
            + ENVIRONMENT_NAMES.get(key)
            + " or add "
            + key
            + "=... to "
            + configFileName());
  }

  private static String role(String key) {
    return key.substring(0, key.indexOf('-'));
  }

  /** A utility setting that the command line may give ({@code given}) or the config file. */
  public int integer(String key, Integer given, int defaultValue, int minimum) {
    int value =
        given != null
            ? given
            : parsed(key, Integer::valueOf, "a whole number").orElse(defaultValue);
    if (value < minimum) {
      throw StagingException.configuration(key + " must be at least " + minimum + ", not " + value);
    }
    return value;
  }

  public <E extends Enum<E>> E choice(String key, E given, Class<E> type, E defaultValue) {
    if (given != null) {
      return given;
    }
    String expected = String.join("|", lowerCaseNames(type));
    return parsed(key, text -> Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT)), expected)
        .orElse(defaultValue);
  }

  private <T> Optional<T> parsed(String key, Function<String, T> parser, String expected) {
    Optional<String> text = value(key);
    try {
      return text.map(parser);
    } catch (IllegalArgumentException e) {
      throw StagingException.configuration(
          key + "=" + text.get() + " in " + configFileName() + " is not " + expected);
    }
  }

  private static List<String> lowerCaseNames(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT))
        .toList();
  }

  private String configFileName() {
    return file.path().map(Path::toString).orElse("the config file");
  }

  /** Lists the keys that are set, never their values: those include passwords. */
  @Override
  public String toString() {
    return "Settings(command line "
        + commandLine.keySet()
        + ", config file "
        + configFileName()
        + ")";
  }
}
