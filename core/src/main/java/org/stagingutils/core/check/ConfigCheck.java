// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stagingutils.core.config.ScopeResolver;

/**
 * {@code config}, table by table: declared tables that exist on neither side, tables without any
 * key to capture changes by, and tables declared in more than one scope.
 */
final class ConfigCheck implements TableCheck {

  @Override
  public CheckKind kind() {
    return CheckKind.CONFIG;
  }

  @Override
  public List<Problem> run(CheckContext context) {
    Map<String, List<String>> scopesByTable = scopesByTable(context);
    List<Problem> problems = new ArrayList<>();
    for (CheckedTable table : context.tables()) {
      if (table.either().isEmpty()) {
        problems.add(
            problem(
                table,
                "table "
                    + table.written()
                    + " is declared in a scope but exists in neither database"
                    + ": fix its name in the scope (quote names whose case matters), or remove it"));
      } else if (table.either().get().captureKey().isEmpty()) {
        problems.add(
            problem(
                table,
                "table "
                    + table.name()
                    + " has neither a primary key nor a unique index, so its changes cannot be"
                    + " captured or matched in production: add one on both sides, or remove the"
                    + " table from the scope"));
      }
      List<String> scopes = scopesByTable.getOrDefault(table.name(), List.of());
      if (scopes.size() > 1) {
        problems.add(
            problem(
                table,
                "table "
                    + table.name()
                    + " is declared in scopes "
                    + String.join(" and ", scopes)
                    + ": a stagingcopy of any of them recopies it and discards its unpropagated"
                    + " changes; declare it in one scope only"));
      }
    }
    return problems;
  }

  private static Map<String, List<String>> scopesByTable(CheckContext context) {
    Map<String, List<String>> scopes = new LinkedHashMap<>();
    for (String scope : context.config().scopes().keySet()) {
      if (scope.equals(ScopeResolver.ALL)) {
        continue;
      }
      for (String table : context.scopeTables(scope)) {
        List<String> declared = scopes.computeIfAbsent(table, t -> new ArrayList<>());
        if (!declared.contains(scope)) {
          declared.add(scope);
        }
      }
    }
    return scopes;
  }

  private static Problem problem(CheckedTable table, String message) {
    return Problem.of(CheckKind.CONFIG, table.name(), Map.of(), message);
  }
}
