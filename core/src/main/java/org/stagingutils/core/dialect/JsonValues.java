// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * Encodes JDBC values as JSON text, for databases whose capture triggers run in Java (H2). The
 * trigger and the SQL functions that read production use this same code, so equal rows give equal
 * text. It uses nothing but the JDK: it runs inside every program that edits the staging database.
 */
public final class JsonValues {
  private JsonValues() {}

  /** {@code [v1,v2,...]} */
  public static String array(List<?> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      writeValue(out, values.get(i));
    }
    return out.append(']').toString();
  }

  /** {@code {"n1":v1,...}} */
  public static String object(List<String> names, List<?> values) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      writeString(out, names.get(i));
      out.append(':');
      writeValue(out, values.get(i));
    }
    return out.append('}').toString();
  }

  private static void writeValue(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof BigDecimal d) {
      out.append(d.toPlainString());
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof Double d && Double.isFinite(d)) {
      out.append(d);
    } else if (value instanceof Float f && Float.isFinite(f)) {
      out.append(f);
    } else if (value instanceof byte[] bytes) {
      writeString(out, HexFormat.of().formatHex(bytes));
    } else if (value instanceof Clob clob) {
      writeString(out, read(clob));
    } else if (value instanceof Blob blob) {
      writeString(out, HexFormat.of().formatHex(read(blob)));
    } else if (value instanceof java.sql.Timestamp t) {
      writeString(out, t.toLocalDateTime().toString());
    } else if (value instanceof java.sql.Date d) {
      writeString(out, d.toLocalDate().toString());
    } else if (value instanceof java.sql.Time t) {
      writeString(out, t.toLocalTime().toString());
    } else {
      writeString(out, value.toString());
    }
  }

  private static void writeString(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static String read(Clob clob) {
    try (Reader reader = clob.getCharacterStream()) {
      StringWriter out = new StringWriter();
      reader.transferTo(out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] read(Blob blob) {
    try {
      return blob.getBytes(1, (int) blob.length());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
