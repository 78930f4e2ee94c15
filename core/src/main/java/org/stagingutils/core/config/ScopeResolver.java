// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stagingutils.core.api.StagingException;

/**
 * Turns a scope name and the {@code --table} restriction into the staged tables' names as the
 * config file writes them. Matching is textual: unquoted names compare case-insensitively, quoted
 * ones exactly; the database decides later what each name really designates.
 */
public final class ScopeResolver {
  public static final String ALL = "all";

  private final Map<String, List<String>> scopes;
  private final Optional<Path> configFile;

  public ScopeResolver(Map<String, List<String>> scopes, Optional<Path> configFile) {
    this.scopes = scopes;
    this.configFile = configFile;
  }

  public List<String> resolve(String scope, List<String> restriction) {
    List<String> declared = declared(scope == null ? ALL : scope);
    if (restriction.isEmpty()) {
      return declared;
    }
    Map<String, String> byKey = byMatchKey(declared);
    List<String> selected = new ArrayList<>();
    for (String table : restriction) {
      String match = byKey.getOrDefault(matchKey(table), byKey.get("q:" + table.trim()));
      if (match == null) {
        throw StagingException.configuration(
            "table "
                + table
                + " is not in scope '"
                + scope
                + "' ("
                + String.join(", ", declared)
                + ")");
      }
      if (!selected.contains(match)) {
        selected.add(match);
      }
    }
    return List.copyOf(selected);
  }

  private List<String> declared(String scope) {
    if (scopes.isEmpty()) {
      String where =
          configFile
              .map(path -> "the config file " + path + " defines no scope")
              .orElse("no config file given");
      throw StagingException.configuration(
          "no staged tables: " + where + " (add scope.NAME=TABLE,... to " + file() + ")");
    }
    List<String> tables = scopes.get(scope);
    if (tables != null) {
      return tables;
    }
    if (!scope.equals(ALL)) {
      throw StagingException.configuration(
          "unknown scope '"
              + scope
              + "': the config file defines scopes "
              + String.join(", ", scopes.keySet())
              + " (add scope."
              + scope
              + "=TABLE,... to "
              + file()
              + ")");
    }
    return union();
  }

  private List<String> union() {
    Map<String, String> union = new LinkedHashMap<>();
    scopes.values().forEach(tables -> byMatchKey(tables).forEach(union::putIfAbsent));
    return List.copyOf(union.values());
  }

  private static Map<String, String> byMatchKey(List<String> tables) {
    Map<String, String> byKey = new LinkedHashMap<>();
    tables.forEach(table -> byKey.putIfAbsent(matchKey(table), table));
    return byKey;
  }

  /** Quoted names keep their case; unquoted ones will be folded by the database, either way. */
  private static String matchKey(String table) {
    String name = table.trim();
    boolean quoted =
        name.length() >= 2
            && (name.charAt(0) == '"' || name.charAt(0) == '`')
            && name.charAt(name.length() - 1) == name.charAt(0);
    return quoted
        ? "q:" + name.substring(1, name.length() - 1)
        : "u:" + name.toUpperCase(Locale.ROOT);
  }

  private String file() {
    return configFile
        .map(Path::toString)
        .orElse("a config file given with --config or STAGING_CONFIG");
  }
}
