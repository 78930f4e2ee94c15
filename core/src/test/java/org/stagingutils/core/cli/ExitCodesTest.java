// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

class ExitCodesTest {
  private final ExitCodes exitCodes = new ExitCodes();

  @Test
  void mapsEveryCategoryToTheExitCodeOfTheSpec() {
    assertThat(exitCodes.getExitCode(new StagingException(ErrorCategory.CONFIGURATION, "x")))
        .isEqualTo(2);
    assertThat(exitCodes.getExitCode(new StagingException(ErrorCategory.REFUSED, "x")))
        .isEqualTo(1);
    assertThat(exitCodes.getExitCode(new StagingException(ErrorCategory.DATABASE, "x")))
        .isEqualTo(3);
    assertThat(exitCodes.getExitCode(new StagingException(ErrorCategory.LOCKED, "x"))).isEqualTo(4);
  }

  @Test
  void usageErrorsAre2AndAnythingUnexpected3() {
    CommandLine commandLine = new CommandLine(CommandSpec.create());
    assertThat(exitCodes.getExitCode(new ParameterException(commandLine, "bad"))).isEqualTo(2);
    assertThat(exitCodes.getExitCode(new IllegalStateException("bug"))).isEqualTo(3);
  }
}
