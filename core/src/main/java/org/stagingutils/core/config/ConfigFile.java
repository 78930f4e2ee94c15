// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.stagingutils.core.api.StagingException;

/**
 * A Java properties config file read in declaration order, because scope {@code all} lists the
 * groups' tables in the order the file declares them.
 */
public final class ConfigFile {
  private static final String SCOPE_PREFIX = "scope.";

  private final Optional<Path> path;
  private final Map<String, String> entries;

  private ConfigFile(Optional<Path> path, Map<String, String> entries) {
    this.path = path;
    this.entries = Collections.unmodifiableMap(entries);
  }

  /** No config file given: every lookup finds nothing. */
  public static ConfigFile none() {
    return new ConfigFile(Optional.empty(), Map.of());
  }

  public static ConfigFile load(Path path) {
    Map<String, String> entries = new LinkedHashMap<>();
    Properties orderedLoader =
        new Properties() {
          private static final long serialVersionUID = 1L;

          @Override
          public synchronized Object put(Object key, Object value) {
            entries.put(key.toString().trim(), value.toString().trim());
            return super.put(key, value);
          }
        };
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      orderedLoader.load(reader);
    } catch (NoSuchFileException e) {
      throw StagingException.configuration(
          "config file " + path + " not found (given by --config or STAGING_CONFIG)");
    } catch (IOException | IllegalArgumentException e) {
      throw StagingException.configuration(
          "cannot read config file " + path + ": " + e.getMessage());
    }
    return new ConfigFile(Optional.of(path), entries);
  }

  public Optional<Path> path() {
    return path;
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** The {@code scope.NAME=T1,T2} groups in declaration order, table names as written. */
  public Map<String, List<String>> scopes() {
    Map<String, List<String>> scopes = new LinkedHashMap<>();
    entries.forEach(
        (key, value) -> {
          if (key.startsWith(SCOPE_PREFIX)) {
            scopes.put(scopeName(key), tableList(key, value));
          }
        });
    return scopes;
  }

  private String scopeName(String key) {
    String name = key.substring(SCOPE_PREFIX.length()).trim();
    if (name.isEmpty()) {
      throw StagingException.configuration(
          "config key '" + key + "' in " + describe() + " names no scope");
    }
    return name;
  }

  private List<String> tableList(String key, String value) {
    List<String> tables = splitOutsideQuotes(value);
    if (tables.isEmpty()) {
      throw StagingException.configuration(key + " in " + describe() + " lists no table");
    }
    return tables;
  }

  /** Splits on commas, except inside "..." or `...` where a quoted name may contain one. */
  static List<String> splitOutsideQuotes(String value) {
    List<String> names = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (char c : value.toCharArray()) {
      if (quote == 0 && c == ',') {
        addIfNotBlank(names, current);
        current.setLength(0);
        continue;
      }
      if (quote == 0 && (c == '"' || c == '`')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
      current.append(c);
    }
    addIfNotBlank(names, current);
    return names;
  }

  private static void addIfNotBlank(List<String> names, CharSequence name) {
    String trimmed = name.toString().trim();
    if (!trimmed.isEmpty()) {
      names.add(trimmed);
    }
  }

  public String describe() {
    return path.map(Path::toString).orElse("the config file");
  }
}
