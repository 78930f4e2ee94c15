// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL script kept as a resource beside its dialect, with {@code ${name}} placeholders. Statements
 * are separated by a line holding only {@code ;;}, so bodies of triggers may contain semicolons.
 */
final class SqlTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z]+)}");
  private static final Pattern SEPARATOR = Pattern.compile("(?m)^;;\\s*$");

  private final String text;
  private final String resource;

  private SqlTemplate(String resource, String text) {
    this.resource = resource;
    this.text = text;
  }

  static SqlTemplate load(String dialectId, String name) {
    String resource = dialectId + "/" + name + ".sql";
    try (InputStream in = SqlTemplate.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing SQL template " + resource);
      }
      return new SqlTemplate(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The statements with every placeholder replaced; an unknown placeholder is a bug. */
  List<String> render(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("no value for ${" + m.group(1) + "} in " + resource);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return Arrays.stream(SEPARATOR.split(out))
        .map(String::strip)
        .filter(s -> !s.isEmpty() && !s.lines().allMatch(l -> l.isBlank() || l.startsWith("--")))
        .toList();
  }
}
