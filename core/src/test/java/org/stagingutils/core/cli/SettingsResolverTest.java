// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.config.StagingConfig;
import org.stagingutils.core.propagate.TransactionMode;

class SettingsResolverTest {
  @TempDir Path dir;

  private Path config(String... lines) throws IOException {
    Path file = dir.resolve("staging.properties");
    Files.write(file, java.util.List.of(lines));
    return file;
  }

  @Test
  void commandLineWinsOverEnvironmentWhichWinsOverConfigFile() throws IOException {
    Path file =
        config(
            "staging-url=jdbc:h2:mem:file",
            "staging-user=file-user",
            "staging-schema=FILE_SCHEMA",
            "production-url=jdbc:h2:mem:prod");
    Map<String, String> env = Map.of("STAGING_URL", "jdbc:h2:mem:env", "STAGING_USER", "env-user");

    Settings settings =
        new SettingsResolver(env)
            .resolve(Optional.of(file), Map.of("staging-url", "jdbc:h2:mem:cli"));
    StagingConfig config = settings.stagingConfig();

    assertThat(config.staging().url()).isEqualTo("jdbc:h2:mem:cli");
    assertThat(config.staging().user()).isEqualTo("env-user");
    assertThat(config.staging().schema()).contains("FILE_SCHEMA");
    assertThat(config.staging().role()).isEqualTo("staging");
    assertThat(config.production().url()).isEqualTo("jdbc:h2:mem:prod");
    assertThat(config.production().role()).isEqualTo("production");
  }

  @Test
  void environmentNamesTheConfigFileUnlessTheCommandLineDoes() throws IOException {
    Path file = config("format=json", "log=run.log");
    Settings settings =
        new SettingsResolver(Map.of("STAGING_CONFIG", file.toString()))
            .resolve(Optional.empty(), Map.of());

    assertThat(settings.format()).isEqualTo(OutputFormat.JSON);
    assertThat(settings.logFile()).contains(Path.of("run.log"));
  }

  @Test
  void onlyConnectionKeysComeFromTheEnvironment() {
    Settings settings =
        new SettingsResolver(Map.of("FORMAT", "json", "LOG", "x"))
            .resolve(Optional.empty(), Map.of());

    assertThat(settings.format()).isEqualTo(OutputFormat.TEXT);
    assertThat(settings.logFile()).isEmpty();
  }

  @Test
  void missingUrlNamesOptionEnvironmentVariableAndConfigKey() throws IOException {
    Path file = config("staging-url=jdbc:h2:mem:s");
    Settings settings = new SettingsResolver(Map.of()).resolve(Optional.of(file), Map.of());

    assertThatThrownBy(settings::stagingConfig)
        .isInstanceOfSatisfying(
            StagingException.class,
            e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION))
        .hasMessageContainingAll(
            "--production-url", "PRODUCTION_URL", "production-url=", file.toString())
        .hasMessageNotContaining("\n");
  }

  @Test
  void missingConfigFileIsAConfigurationError() {
    Path missing = dir.resolve("nope.properties");
    assertThatThrownBy(() -> new SettingsResolver(Map.of()).resolve(Optional.of(missing), Map.of()))
        .isInstanceOfSatisfying(
            StagingException.class,
            e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION))
        .hasMessageContaining(missing.toString());
  }

  @Test
  void utilitySettingsComeFromTheConfigFileAndAreValidated() throws IOException {
    Path file = config("batch-size=500", "transaction=TABLE", "retain-days=soon");
    Settings settings = new SettingsResolver(Map.of()).resolve(Optional.of(file), Map.of());

    assertThat(settings.integer("batch-size", null, 1000, 1)).isEqualTo(500);
    assertThat(settings.integer("batch-size", 20, 1000, 1)).isEqualTo(20);
    assertThat(settings.choice("transaction", null, TransactionMode.class, TransactionMode.ONE))
        .isEqualTo(TransactionMode.TABLE);
    assertThatThrownBy(() -> settings.integer("retain-days", null, 30, 0))
        .hasMessageContainingAll("retain-days=soon", "whole number");
    assertThatThrownBy(() -> settings.integer("batch-size", 0, 1000, 1))
        .hasMessageContaining("at least 1");
  }

  @Test
  void passwordsAppearInNoToStringNorError() throws IOException {
    Path file =
        config(
            "staging-url=jdbc:postgresql://db/s?password=urlsecret",
            "staging-password=filesecret",
            "production-url=jdbc:postgresql://admin:usersecret@db/p",
            "batch-size=x");
    Settings settings =
        new SettingsResolver(Map.of("PRODUCTION_PASSWORD", "envsecret"))
            .resolve(Optional.of(file), Map.of("staging-password", "clisecret"));
    StagingConfig config = settings.stagingConfig();

    assertThat(config.staging().password()).isEqualTo("clisecret");
    assertThat(config.production().password()).isEqualTo("envsecret");
    String everything =
        settings + " " + config + " " + config.staging() + " " + config.production();
    assertThat(everything).doesNotContain("secret");
    assertThatThrownBy(() -> settings.integer("batch-size", null, 1, 1))
        .hasMessageNotContaining("secret");
  }
}
