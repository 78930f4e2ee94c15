// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the two databases are. A bare password option prompts without echo, so that the password
 * stays out of {@code ps} output and shell history.
 */
public final class ConnectionOptions {
  @Option(
      names = "--staging-url",
      paramLabel = "URL",
      description = "JDBC URL of the staging database (env STAGING_URL).")
  String stagingUrl;

  @Option(
      names = "--staging-user",
      paramLabel = "NAME",
      description = "User name for the staging database (env STAGING_USER).")
  String stagingUser;

  @Option(
      names = "--staging-password",
      paramLabel = "PW",
      arity = "0..1",
      fallbackValue = PasswordPrompt.ASK,
      description =
          "Password for the staging database; without a value, prompts without echo (env STAGING_PASSWORD).")
  String stagingPassword;

  @Option(
      names = "--production-url",
      paramLabel = "URL",
      description = "JDBC URL of the production database (env PRODUCTION_URL).")
  String productionUrl;

  @Option(
      names = "--production-user",
      paramLabel = "NAME",
      description = "User name for the production database (env PRODUCTION_USER).")
  String productionUser;

  @Option(
      names = "--production-password",
      paramLabel = "PW",
      arity = "0..1",
      fallbackValue = PasswordPrompt.ASK,
      description =
          "Password for the production database; without a value, prompts without echo (env PRODUCTION_PASSWORD).")
  String productionPassword;

  @Option(
      names = "--staging-schema",
      paramLabel = "S",
      description =
          "Schema of the staged tables in staging (default: the connection's current schema).")
  String stagingSchema;

  @Option(
      names = "--production-schema",
      paramLabel = "S",
      description =
          "Schema of the staged tables in production (default: the connection's current schema).")
  String productionSchema;

  /** Adds the options given, under their config keys. */
  void putInto(Map<String, String> values) {
    CommandLineValues.put(values, "staging-url", stagingUrl);
    CommandLineValues.put(values, "staging-user", stagingUser);
    CommandLineValues.put(
        values,
        "staging-password",
        PasswordPrompt.resolve(stagingPassword, "Staging database password"));
    CommandLineValues.put(values, "production-url", productionUrl);
    CommandLineValues.put(values, "production-user", productionUser);
    CommandLineValues.put(
        values,
        "production-password",
        PasswordPrompt.resolve(productionPassword, "Production database password"));
    CommandLineValues.put(values, "staging-schema", stagingSchema);
    CommandLineValues.put(values, "production-schema", productionSchema);
  }
}
