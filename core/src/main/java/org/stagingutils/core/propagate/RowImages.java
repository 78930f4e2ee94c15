// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.stagingutils.core.metadata.Column;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * Compares two row images (the JSON objects the capture triggers write) column by column, so a
 * conflict can show what each side holds instead of only that the rows differ.
 */
final class RowImages {
  // Decimals keep their scale (40.00 stays 40.00), as the image wrote them.
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private RowImages() {}

  /** The columns where {@code staging} and {@code production} differ, in the table's order. */
  static List<ColumnDifference> differences(
      TableMetadata table, String staging, String production) {
    JsonNode left = parse(staging);
    JsonNode right = parse(production);
    List<ColumnDifference> differences = new ArrayList<>();
    for (Column column : table.columns()) {
      JsonNode a = left.path(column.name());
      JsonNode b = right.path(column.name());
      if (!a.equals(b)) {
        differences.add(new ColumnDifference(column.name(), value(a), value(b)));
      }
    }
    return differences;
  }

  /** An image's value as a plain Java value; nested JSON documents as their JSON text. */
  static Object value(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isTextual() ? node.textValue() : node.toString();
  }

  private static JsonNode parse(String image) {
    if (image == null || image.equals(TableChanges.ABSENT)) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(image);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable row image: " + image, e);
    }
  }
}
