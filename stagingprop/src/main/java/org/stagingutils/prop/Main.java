// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.prop;

import picocli.CommandLine;

/** Entry point of stagingprop; the only place that ends the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new PropCommand()).execute(args));
  }
}
