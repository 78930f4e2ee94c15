// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.metadata;

/**
 * A column as JDBC describes it.
 *
 * @param jdbcType {@link java.sql.Types} code
 * @param typeName the database's own type name (e.g. {@code int4}, {@code jsonb})
 */
public record Column(
    String name,
    int position,
    int jdbcType,
    String typeName,
    int size,
    int scale,
    boolean nullable) {

  /** Same type and nullability, ignoring position: what "the same column" means across sides. */
  public boolean sameDefinitionAs(Column other) {
    return name.equals(other.name)
        && jdbcType == other.jdbcType
        && typeName.equalsIgnoreCase(other.typeName)
        && size == other.size
        && scale == other.scale
        && nullable == other.nullable;
  }

  public String describe() {
    return name + " " + typeName + (nullable ? "" : " NOT NULL");
  }
}
