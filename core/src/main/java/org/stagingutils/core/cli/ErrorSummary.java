// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The JSON summary of a run that failed or refused: scripts get one object on stdout regardless.
 */
record ErrorSummary(String status, int exitCode, String message) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ErrorSummary of(int exitCode, String message) {
    return new ErrorSummary(exitCode == ExitCodes.REFUSED ? "refused" : "error", exitCode, message);
  }

  void print(PrintWriter out) {
    try {
      out.println(JSON.writeValueAsString(this));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }
}
