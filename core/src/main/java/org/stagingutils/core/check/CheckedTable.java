// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.util.Optional;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * A staged table as each side has it; a side where it does not exist is empty.
 *
 * @param written the name as the config file writes it
 * @param name the name as the database stores it, used in every problem
 */
record CheckedTable(
    String written,
    String name,
    Optional<TableMetadata> staging,
    Optional<TableMetadata> production) {

  /** Staging's metadata where the table exists there, else production's. */
  Optional<TableMetadata> either() {
    return staging.or(() -> production);
  }
}
