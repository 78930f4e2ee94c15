// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.metadata;

import java.util.Optional;

/**
 * A table's name exactly as the database stores it (case preserved, no quotes), with its schema
 * (the database on MariaDB/MySQL) when known.
 */
public record TableName(Optional<String> schema, String name) implements Comparable<TableName> {

  public static TableName of(String schema, String name) {
    return new TableName(Optional.ofNullable(schema), name);
  }

  @Override
  public int compareTo(TableName other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
