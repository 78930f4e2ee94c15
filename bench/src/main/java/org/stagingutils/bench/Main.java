// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import picocli.CommandLine;

/** Entry point of scripts/bench. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }
}
