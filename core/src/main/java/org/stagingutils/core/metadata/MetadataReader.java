// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.metadata;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.stagingutils.core.dialect.Dialect;

/**
 * Reads table metadata through JDBC's {@link DatabaseMetaData}, which all supported drivers answer
 * alike; the dialect only says how schemas map to JDBC catalogs and schemas.
 */
public final class MetadataReader {
  private final Connection connection;
  private final Dialect dialect;
  private final DatabaseMetaData metaData;

  public MetadataReader(Connection connection, Dialect dialect) throws SQLException {
    this.connection = connection;
    this.dialect = dialect;
    this.metaData = connection.getMetaData();
  }

  /** The schema used when none is configured: the connection's current one. */
  public String defaultSchema() throws SQLException {
    return dialect.currentSchema(connection);
  }

  /** Whether the table exists, with exactly this name (no case folding). */
  public boolean exists(TableName table) throws SQLException {
    return tableNames(schemaOf(table)).contains(table.name());
  }

  /** Every table name in the schema, as stored. */
  public List<String> tableNames(String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs =
        metaData.getTables(
            dialect.metadataCatalog(schema),
            escape(dialect.metadataSchema(schema)),
            "%",
            new String[] {"TABLE", "BASE TABLE", "PARTITIONED TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  /** Metadata of an existing table. */
  public TableMetadata read(TableName table) throws SQLException {
    String schema = schemaOf(table);
    TableName qualified = TableName.of(schema, table.name());
    Optional<Key> primaryKey = primaryKey(schema, table.name());
    return new TableMetadata(
        qualified,
        columns(schema, table.name()),
        primaryKey,
        uniqueKeys(schema, table.name(), primaryKey),
        foreignKeys(qualified));
  }

  private String schemaOf(TableName table) throws SQLException {
    return table.schema().isPresent() ? table.schema().get() : defaultSchema();
  }

  private List<Column> columns(String schema, String table) throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (ResultSet rs =
        metaData.getColumns(
            dialect.metadataCatalog(schema),
            escape(dialect.metadataSchema(schema)),
            escape(table),
            "%")) {
      while (rs.next()) {
        if (!table.equals(rs.getString("TABLE_NAME"))) {
          continue;
        }
        columns.add(
            new Column(
                rs.getString("COLUMN_NAME"),
                rs.getInt("ORDINAL_POSITION"),
                rs.getInt("DATA_TYPE"),
                rs.getString("TYPE_NAME"),
                rs.getInt("COLUMN_SIZE"),
                rs.getInt("DECIMAL_DIGITS"),
                rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
      }
    }
    columns.sort((a, b) -> Integer.compare(a.position(), b.position()));
    return columns;
  }

  private Optional<Key> primaryKey(String schema, String table) throws SQLException {
    Map<Integer, String> columns = new TreeMap<>();
    String name = null;
    try (ResultSet rs =
        metaData.getPrimaryKeys(
            dialect.metadataCatalog(schema), dialect.metadataSchema(schema), table)) {
      while (rs.next()) {
        columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        name = rs.getString("PK_NAME");
      }
    }
    return columns.isEmpty()
        ? Optional.empty()
        : Optional.of(new Key(name, List.copyOf(columns.values()), true));
  }

  private List<Key> uniqueKeys(String schema, String table, Optional<Key> primaryKey)
      throws SQLException {
    Map<String, Map<Integer, String>> indexes = new LinkedHashMap<>();
    try (ResultSet rs =
        metaData.getIndexInfo(
            dialect.metadataCatalog(schema), dialect.metadataSchema(schema), table, true, true)) {
      while (rs.next()) {
        String column = rs.getString("COLUMN_NAME");
        String index = rs.getString("INDEX_NAME");
        if (rs.getBoolean("NON_UNIQUE") || column == null || index == null) {
          continue;
        }
        indexes
            .computeIfAbsent(index, k -> new TreeMap<>())
            .put(rs.getInt("ORDINAL_POSITION"), column);
      }
    }
    List<Key> keys = new ArrayList<>();
    for (var index : indexes.entrySet()) {
      List<String> columns = List.copyOf(index.getValue().values());
      boolean isPrimary =
          primaryKey
              .map(pk -> pk.name().equals(index.getKey()) || pk.columns().equals(columns))
              .orElse(false);
      if (!isPrimary) {
        keys.add(new Key(index.getKey(), columns, false));
      }
    }
    keys.sort((a, b) -> a.name().compareTo(b.name()));
    return keys;
  }

  private List<ForeignKey> foreignKeys(TableName table) throws SQLException {
    String schema = table.schema().orElseThrow();
    try (ResultSet rs =
        metaData.getImportedKeys(
            dialect.metadataCatalog(schema), dialect.metadataSchema(schema), table.name())) {
      return foreignKeys(rs, schema);
    }
  }

  /**
   * Foreign keys of any table in the database (staged or not) that reference {@code table}: the
   * rows a delete there could be blocked by, or cascade into.
   */
  public List<ForeignKey> referencingForeignKeys(TableName table) throws SQLException {
    String schema = schemaOf(table);
    try (ResultSet rs =
        metaData.getExportedKeys(
            dialect.metadataCatalog(schema), dialect.metadataSchema(schema), table.name())) {
      return foreignKeys(rs, schema);
    }
  }

  private List<ForeignKey> foreignKeys(ResultSet rs, String schema) throws SQLException {
    Map<String, List<String[]>> parts = new LinkedHashMap<>();
    Map<String, int[]> rules = new LinkedHashMap<>();
    Map<String, TableName> targets = new LinkedHashMap<>();
    Map<String, TableName> sources = new LinkedHashMap<>();
    {
      while (rs.next()) {
        // Keyed by table too: constraint names are only unique per table on some databases.
        String name = rs.getString("FKTABLE_NAME") + "\u0000" + rs.getString("FK_NAME");
        String sourceSchema =
            dialect.metadataCatalog(schema) != null
                ? rs.getString("FKTABLE_CAT")
                : rs.getString("FKTABLE_SCHEM");
        sources.put(name, TableName.of(sourceSchema, rs.getString("FKTABLE_NAME")));
        String targetSchema =
            dialect.metadataCatalog(schema) != null
                ? rs.getString("PKTABLE_CAT")
                : rs.getString("PKTABLE_SCHEM");
        targets.put(name, TableName.of(targetSchema, rs.getString("PKTABLE_NAME")));
        rules.put(
            name,
            new int[] {
              rs.getInt("UPDATE_RULE"), rs.getInt("DELETE_RULE"), rs.getInt("DEFERRABILITY")
            });
        parts
            .computeIfAbsent(name, k -> new ArrayList<>())
            .add(
                new String[] {
                  String.valueOf(rs.getInt("KEY_SEQ")),
                  rs.getString("FKCOLUMN_NAME"),
                  rs.getString("PKCOLUMN_NAME")
                });
      }
    }
    List<ForeignKey> keys = new ArrayList<>();
    for (var entry : parts.entrySet()) {
      List<String[]> columns = entry.getValue();
      columns.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
      int[] rule = rules.get(entry.getKey());
      keys.add(
          new ForeignKey(
              entry.getKey().substring(entry.getKey().indexOf('\u0000') + 1),
              sources.get(entry.getKey()),
              columns.stream().map(c -> c[1]).toList(),
              targets.get(entry.getKey()),
              columns.stream().map(c -> c[2]).toList(),
              rule[0],
              rule[1],
              rule[2] != DatabaseMetaData.importedKeyNotDeferrable));
    }
    keys.sort((a, b) -> a.name().compareTo(b.name()));
    return keys;
  }

  /** Metadata calls take LIKE patterns: names containing _ or % must not match other tables. */
  private String escape(String name) throws SQLException {
    if (name == null) {
      return null;
    }
    String escape = metaData.getSearchStringEscape();
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape)
        .replace("_", escape + "_")
        .replace("%", escape + "%");
  }
}
