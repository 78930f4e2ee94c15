// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/** The one place where failures become the exit codes of SPEC.md. */
public final class ExitCodes implements IExitCodeExceptionMapper {
  public static final int OK = 0;

  /** stagingcheck found problems, or a utility refused and changed nothing. */
  public static final int REFUSED = 1;

  public static final int USAGE = 2;
  public static final int RUNTIME = 3;
  public static final int LOCKED = 4;

  @Override
  public int getExitCode(Throwable exception) {
    if (exception instanceof StagingException staging) {
      return of(staging.category());
    }
    return exception instanceof ParameterException ? USAGE : RUNTIME;
  }

  public static int of(ErrorCategory category) {
    return switch (category) {
      case CONFIGURATION -> USAGE;
      case REFUSED -> REFUSED;
      case DATABASE -> RUNTIME;
      case LOCKED -> LOCKED;
    };
  }
}
