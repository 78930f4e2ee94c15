// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.stagingutils.core.cli.CommandContract;
import org.stagingutils.core.cli.CommandRun;

class CopyCommandTest extends CommandContract {
  CopyCommandTest() {
    super("stagingcopy", CopyCommand::new, "--force");
  }

  @Test
  void completeSettingsReachTheEngineWithoutLeakingPasswords() throws IOException {
    CommandRun run = runWithSecretInConfig();

    // The empty in-memory databases hold no staged table: a configuration error naming it.
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("\"status\":\"error\"").containsIgnoringCase("store");
    assertThat(run.out() + run.err()).doesNotContain("secret");
  }
}
