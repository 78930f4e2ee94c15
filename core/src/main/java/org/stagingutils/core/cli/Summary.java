// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The summary of a run that a utility prints on stdout: text for people, JSON for scripts. */
public interface Summary {

  /** The exit code the run ends with. */
  int exitCode();

  /** Lines for people, each ending with a newline. */
  String text();

  /** The one JSON object for scripts: {@code status}, {@code exitCode}, then the details. */
  ObjectNode json();
}
