// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;

class ScopeResolverTest {
  private static final Path FILE = Path.of("staging.properties");

  private final ScopeResolver resolver =
      new ScopeResolver(
          ConfigFileScopes.of(
              "site", List.of("STORE", "LANGUAGE", "CURRENCY"),
              "merchant", List.of("CATALOG", "store", "\"Cat,Entry\"", "LISTPRICE")),
          Optional.of(FILE));

  @Test
  void allIsTheUnionOfEveryScopeInDeclarationOrderWithoutDuplicates() {
    assertThat(resolver.resolve("all", List.of()))
        .containsExactly("STORE", "LANGUAGE", "CURRENCY", "CATALOG", "\"Cat,Entry\"", "LISTPRICE");
  }

  @Test
  void namedScopeKeepsItsTables() {
    assertThat(resolver.resolve("site", List.of()))
        .containsExactly("STORE", "LANGUAGE", "CURRENCY");
  }

  @Test
  void tablesRestrictTheScopeAndMatchUnquotedNamesIgnoringCase() {
    assertThat(resolver.resolve("all", List.of("listprice", "Cat,Entry", "store")))
        .containsExactly("LISTPRICE", "\"Cat,Entry\"", "STORE");
  }

  @Test
  void unknownScopeListsTheDefinedOnesAndSaysHowToAddIt() {
    assertThatThrownBy(() -> resolver.resolve("promo", List.of()))
        .isInstanceOfSatisfying(
            StagingException.class,
            e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION))
        .hasMessage(
            "unknown scope 'promo': the config file defines scopes site, merchant"
                + " (add scope.promo=TABLE,... to staging.properties)");
  }

  @Test
  void tableOutsideTheScopeIsNamed() {
    assertThatThrownBy(() -> resolver.resolve("site", List.of("STORE", "CATALOG")))
        .isInstanceOf(StagingException.class)
        .hasMessageContaining("table CATALOG is not in scope 'site'");
  }

  @Test
  void quotedNameDoesNotMatchADifferentCase() {
    assertThatThrownBy(() -> resolver.resolve("all", List.of("\"cat,entry\"")))
        .hasMessageContaining("\"cat,entry\"");
  }

  @Test
  void noScopeDeclaredIsAConfigurationError() {
    assertThatThrownBy(
            () -> new ScopeResolver(Map.of(), Optional.empty()).resolve("all", List.of()))
        .isInstanceOfSatisfying(
            StagingException.class,
            e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION))
        .hasMessageContaining("no staged tables");
  }

  @Test
  void configFileKeepsDeclarationOrderAndQuotedCommas(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.properties");
    Files.writeString(
        file,
        "scope.z=B, A\nscope.a=`my,table`, \"Quoted\"\nscope.m=C\nstaging-url=jdbc:h2:mem:x\n");

    ConfigFile config = ConfigFile.load(file);

    assertThat(config.scopes().keySet()).containsExactly("z", "a", "m");
    assertThat(config.scopes().get("a")).containsExactly("`my,table`", "\"Quoted\"");
    assertThat(config.get("staging-url")).contains("jdbc:h2:mem:x");
  }

  /** Keeps the declaration order the config file would give. */
  private static final class ConfigFileScopes {
    static Map<String, List<String>> of(String n1, List<String> t1, String n2, List<String> t2) {
      Map<String, List<String>> scopes = new java.util.LinkedHashMap<>();
      scopes.put(n1, t1);
      scopes.put(n2, t2);
      return scopes;
    }
  }
}
