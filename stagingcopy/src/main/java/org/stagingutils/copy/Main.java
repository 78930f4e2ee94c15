// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.copy;

import picocli.CommandLine;

/** Entry point of stagingcopy; the only place that ends the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new CopyCommand()).execute(args));
  }
}
