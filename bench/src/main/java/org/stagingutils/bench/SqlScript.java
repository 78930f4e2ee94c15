// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An SQL resource with ${name} placeholders, split into statements at semicolons ending a line. */
final class SqlScript {
  private final String name;
  private final String text;

  private SqlScript(String name, String text) {
    this.name = name;
    this.text = text;
  }

  static SqlScript load(String resource, Map<String, ?> values) {
    try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new BenchException("missing resource " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, ?> value : values.entrySet()) {
        text = text.replace("${" + value.getKey() + "}", String.valueOf(value.getValue()));
      }
      return new SqlScript(resource, text);
    } catch (IOException e) {
      throw new BenchException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }

  List<String> statements() {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.stripTrailing().endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    return statements;
  }

  void execute(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements()) {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          throw new SQLException(name + ": " + e.getMessage() + "\n" + sql, e.getSQLState(), e);
        }
      }
    }
  }
}
