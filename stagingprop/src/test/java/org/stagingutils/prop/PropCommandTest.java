// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.prop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.stagingutils.core.cli.CommandContract;
import org.stagingutils.core.cli.CommandRun;

class PropCommandTest extends CommandContract {
  PropCommandTest() {
    super("stagingprop", PropCommand::new, "--on-conflict");
  }

  @Test
  void completeSettingsReachTheEngineWithoutLeakingPasswords() throws IOException {
    CommandRun run = runWithSecretInConfig();

    // The empty in-memory databases hold no staged table: a configuration error naming it.
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("\"status\":\"error\"").containsIgnoringCase("store");
    assertThat(run.out() + run.err()).doesNotContain("secret");
  }

  @Test
  void lockTimeoutBelowOneSecondIsAUsageError() throws IOException {
    Path config = dir.resolve("staging.properties");
    Files.writeString(
        config, "staging-url=jdbc:h2:mem:s\nproduction-url=jdbc:h2:mem:p\nscope.site=STORE\n");

    CommandRun run = run("--config", config.toString(), "--lock-timeout", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("lock-timeout must be at least 1");
  }

  @Test
  void malformedLockTimeoutInTheConfigFileNamesTheKey() throws IOException {
    Path config = dir.resolve("staging.properties");
    Files.writeString(
        config,
        "staging-url=jdbc:h2:mem:s\nproduction-url=jdbc:h2:mem:p\nlock-timeout=soon\n"
            + "scope.site=STORE\n");

    CommandRun run = run("--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("lock-timeout=soon", "whole number");
  }
}
