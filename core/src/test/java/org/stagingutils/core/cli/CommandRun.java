// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command black-box, as a user would, capturing what it writes. */
public record CommandRun(int exitCode, String out, String err) {

  public static CommandRun execute(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }

  public String[] errLines() {
    return err.isEmpty() ? new String[0] : err.split("\\R");
  }
}
