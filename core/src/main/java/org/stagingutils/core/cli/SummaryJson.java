// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;

/**
 * How summaries write values: column values as JSON numbers, booleans and strings (dates and times
 * in ISO-8601, binary in Base64), keys of rows as objects of column name to value.
 */
final class SummaryJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private SummaryJson() {}

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** A summary's first two fields, which every summary starts with. */
  static ObjectNode status(String status, int exitCode) {
    ObjectNode node = object();
    node.put("status", status);
    node.put("exitCode", exitCode);
    return node;
  }

  static ObjectNode key(Map<String, Object> key) {
    ObjectNode node = object();
    key.forEach((column, value) -> node.set(column, value(value)));
    return node;
  }

  static JsonNode value(Object value) {
    Object plain = plain(value);
    return plain instanceof String s ? JSON.getNodeFactory().textNode(s) : JSON.valueToTree(plain);
  }

  /** A value as text, the way the JSON summary writes it; SQL NULL as {@code NULL}. */
  static String text(Object value) {
    Object plain = plain(value);
    if (plain instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return plain == null ? "NULL" : plain.toString();
  }

  /** JDBC values reduced to what JSON holds: numbers, booleans and strings. */
  private static Object plain(Object value) {
    if (value instanceof org.stagingutils.core.check.SqlNull) {
      return null;
    }
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toLocalDateTime().toString();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof java.sql.Time time) {
      return time.toLocalTime().toString();
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    return value.toString(); // UUID, java.time values (ISO-8601), JSON documents...
  }

  static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
