// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.check;

import picocli.CommandLine;

/** Entry point of stagingcheck; the only place that ends the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new CheckCommand()).execute(args));
  }
}
