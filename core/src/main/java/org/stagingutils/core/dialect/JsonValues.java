// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
 * text.
 */
public final class JsonValues {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonValues() {}

  /** {@code [v1, v2, ...]} */
  public static String array(List<?> values) {
    return write(
        g -> {
          g.writeStartArray();
          for (Object value : values) {
            writeValue(g, value);
          }
          g.writeEndArray();
        });
  }

  /** {@code {"n1": v1, ...}} */
  public static String object(List<String> names, List<?> values) {
    return write(
        g -> {
          g.writeStartObject();
          for (int i = 0; i < names.size(); i++) {
            g.writeFieldName(names.get(i));
            writeValue(g, values.get(i));
          }
          g.writeEndObject();
        });
  }

  private interface Writer {
    void write(JsonGenerator generator) throws IOException;
  }

  private static String write(Writer writer) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      writer.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeValue(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof BigDecimal d) {
      g.writeNumber(d.toPlainString());
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger
        || value instanceof Double
        || value instanceof Float) {
      g.writeNumber(value.toString());
    } else if (value instanceof byte[] bytes) {
      g.writeString(HexFormat.of().formatHex(bytes));
    } else if (value instanceof Clob clob) {
      g.writeString(read(clob));
    } else if (value instanceof Blob blob) {
      g.writeString(HexFormat.of().formatHex(read(blob)));
    } else if (value instanceof java.sql.Timestamp t) {
      g.writeString(t.toLocalDateTime().toString());
    } else if (value instanceof java.sql.Date d) {
      g.writeString(d.toLocalDate().toString());
    } else if (value instanceof java.sql.Time t) {
      g.writeString(t.toLocalTime().toString());
    } else {
      g.writeString(value.toString());
    }
  }

  private static String read(Clob clob) throws IOException {
    try (Reader reader = clob.getCharacterStream()) {
      StringWriter out = new StringWriter();
      reader.transferTo(out);
      return out.toString();
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  private static byte[] read(Blob blob) throws IOException {
    try {
      return blob.getBytes(1, (int) blob.length());
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }
}
