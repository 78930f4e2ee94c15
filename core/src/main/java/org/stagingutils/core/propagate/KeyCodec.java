// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stagingutils.core.metadata.TableMetadata;

/** Reads the key JSON the capture triggers write: one array element per capture-key column. */
final class KeyCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KeyCodec() {}

  /** The key's values as text, in key-column order, ready to bind through the dialect. */
  static List<String> texts(String keyJson) {
    List<String> values = new ArrayList<>();
    for (JsonNode node : parse(keyJson)) {
      values.add(node.isNull() ? null : node.asText());
    }
    return values;
  }

  /** The key as column name to value (numbers stay numbers), for reports. */
  static Map<String, Object> asMap(TableMetadata table, String keyJson) {
    List<String> columns = table.captureKey().orElseThrow().columns();
    Map<String, Object> key = new LinkedHashMap<>();
    JsonNode values = parse(keyJson);
    for (int i = 0; i < columns.size(); i++) {
      JsonNode node = values.get(i);
      key.put(
          columns.get(i),
          node == null || node.isNull()
              ? null
              : node.isNumber()
                  ? node.numberValue()
                  : node.isBoolean() ? node.asBoolean() : node.asText());
    }
    return key;
  }

  private static JsonNode parse(String keyJson) {
    try {
      return JSON.readTree(keyJson);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable key in the change log: " + keyJson, e);
    }
  }
}
