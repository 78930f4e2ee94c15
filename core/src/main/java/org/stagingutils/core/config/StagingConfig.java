// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved configuration every utility starts from: both databases and the declared scopes
 * (table groups, in declaration order, table names as written in the config file), plus the file
 * they came from so errors can say where to fix them.
 */
public record StagingConfig(
    ConnectionSettings staging,
    ConnectionSettings production,
    Map<String, List<String>> scopes,
    Optional<Path> configFile) {

  public StagingConfig {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    scopes.forEach((name, tables) -> copy.put(name, List.copyOf(tables)));
    scopes = Collections.unmodifiableMap(copy);
    configFile = configFile == null ? Optional.empty() : configFile;
  }

  public StagingConfig(
      ConnectionSettings staging, ConnectionSettings production, Map<String, List<String>> scopes) {
    this(staging, production, scopes, Optional.empty());
  }
}
