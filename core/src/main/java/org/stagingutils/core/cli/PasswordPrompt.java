// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/**
 * Asks for a password given as a bare {@code --staging-password}. picocli's own interactive options
 * print the prompt on stdout when there is no console, which would break the JSON summary, so the
 * prompt goes to the console or else stderr, and the answer is read without echo where possible.
 */
final class PasswordPrompt {
  /** What picocli stores for a password option given without a value. */
  static final String ASK = "\u0000ask";

  private PasswordPrompt() {}

  static String resolve(String value, String label) {
    return ASK.equals(value) ? read(label) : value;
  }

  private static String read(String label) {
    Console console = System.console();
    if (console != null) {
      char[] password = console.readPassword("%s: ", label);
      return password == null ? "" : new String(password);
    }
    System.err.print(label + ": ");
    System.err.flush();
    try {
      String line =
          new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
      // the answer was not echoed (piped), so end the prompt's line ourselves
      System.err.println();
      return line == null ? "" : line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
