// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

/** A benchmark step that could not run; the message names the step and where its output is. */
final class BenchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BenchException(String message) {
    super(message);
  }

  BenchException(String message, Throwable cause) {
    super(message, cause);
  }
}
