// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * Every conflict kind under every --on-conflict value. Drift, exists and missing can be
 * overwritten; unique and reference conflicts cannot (production would reject the row), so
 * overwrite leaves them pending like skip does. Whatever the policy, the clean change beside them
 * is handled as the policy says, and nothing conflicting is lost: it stays pending.
 */
class ConflictPolicyIT {
  private static final String CLEAN = "UPDATE CATENTRY SET NAME = 'clean' WHERE CATENTRY_ID = 1001";
  private static final String NEW_PRODUCT =
      "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, LAST_UPDATE, GUID) VALUES"
          + " (%d, '%s', 'x', TIMESTAMP '2024-05-01 10:00:00', '11111111-2222-4333-8444-55555555%d')";

  record Scenario(String name, ConflictKind kind, String[] staging, String[] production) {}

  static List<Scenario> scenarios() {
    return List.of(
        new Scenario(
            "drift",
            ConflictKind.DRIFT,
            new String[] {"UPDATE STORE SET IDENTIFIER = 'staging' WHERE STORE_ID = 2"},
            new String[] {"UPDATE STORE SET IDENTIFIER = 'production' WHERE STORE_ID = 2"}),
        new Scenario(
            "exists",
            ConflictKind.EXISTS,
            new String[] {"INSERT INTO STORE (STORE_ID, IDENTIFIER) VALUES (5, 'staging')"},
            new String[] {"INSERT INTO STORE (STORE_ID, IDENTIFIER) VALUES (5, 'production')"}),
        new Scenario(
            "missing",
            ConflictKind.MISSING,
            new String[] {"UPDATE ATTRVAL SET ATTR_VALUE = 'yes' WHERE CATENTRY_ID = 2001"},
            new String[] {"DELETE FROM ATTRVAL WHERE CATENTRY_ID = 2001"}),
        new Scenario(
            "unique",
            ConflictKind.UNIQUE,
            new String[] {String.format(NEW_PRODUCT, 3001, "P-NEW", 1001)},
            new String[] {String.format(NEW_PRODUCT, 4001, "P-NEW", 4001)}),
        new Scenario(
            "reference",
            ConflictKind.REFERENCE,
            new String[] {
              "INSERT INTO LISTPRICE (CATENTRY_ID, CURRENCY, START_DATE, PRICE) VALUES"
                  + " (1002, 'GBP', DATE '2024-06-01', 99)"
            },
            new String[] {"DELETE FROM CATENTRY WHERE CATENTRY_ID = 1002"}));
  }

  static Stream<Arguments> cases() {
    return Stream.of(DatabaseKind.values())
        .flatMap(
            kind ->
                scenarios().stream()
                    .flatMap(
                        s ->
                            Stream.of(ConflictPolicy.values())
                                .map(p -> Arguments.of(kind, s.name(), p))));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void eachConflictKindFollowsThePolicy(DatabaseKind kind, String name, ConflictPolicy policy)
      throws Exception {
    Scenario scenario =
        scenarios().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    try (StagingSession session = new StagingSession(kind)) {
      session.edit(scenario.staging());
      session.edit(CLEAN);
      session.editProduction(scenario.production());
      Map<String, List<String>> before = session.production();

      PropagationResult result = session.propagate(policy);

      assertThat(result.conflicts()).extracting(Conflict::kind).containsExactly(scenario.kind());
      boolean overridable =
          scenario.kind() != ConflictKind.UNIQUE && scenario.kind() != ConflictKind.REFERENCE;
      switch (policy) {
        case FAIL -> {
          assertThat(result.refused()).isTrue();
          assertThat(session.production()).isEqualTo(before);
          assertThat(session.pending()).isEqualTo(2);
        }
        case SKIP -> {
          assertThat(result.refused()).isFalse();
          assertThat(result.updated()).isEqualTo(1); // the clean change
          assertThat(session.pending()).isEqualTo(1); // the conflicting one, kept
        }
        case OVERWRITE -> {
          assertThat(result.refused()).isFalse();
          if (overridable) {
            assertThat(session.production()).isEqualTo(session.staging());
            assertThat(session.pending()).isZero();
          } else {
            assertThat(result.updated()).isEqualTo(1);
            assertThat(session.pending()).isEqualTo(1);
          }
        }
      }
    }
  }
}
