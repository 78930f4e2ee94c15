// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stagingutils.core.metadata.Column;
import org.stagingutils.core.metadata.Key;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.metadata.TableName;

/** Which index a look-up by a list of keys names on MariaDB, and that other dialects name none. */
class KeyLookupHintTest {
  private static final TableMetadata TABLE =
      new TableMetadata(
          TableName.of(null, "CATGPENREL"),
          List.of(column("CATGROUP_ID", 1), column("CATENTRY_ID", 2), column("Rank`Id", 3)),
          Optional.of(new Key("PRIMARY", List.of("CATGROUP_ID", "CATENTRY_ID"), true)),
          List.of(new Key("by`rank", List.of("CATENTRY_ID", "Rank`Id"), false)),
          List.of());

  private final Dialect mariadb = new MariaDbDialect();

  @Test
  void aLookUpByAllColumnsOfAKeyNamesItsIndexInAnyOrder() {
    assertThat(mariadb.keyLookupHint(TABLE, List.of("CATENTRY_ID", "CATGROUP_ID")))
        .isEqualTo(" FORCE INDEX (`PRIMARY`)");
    assertThat(mariadb.keyLookupHint(TABLE, List.of("Rank`Id", "CATENTRY_ID")))
        .isEqualTo(" FORCE INDEX (`by``rank`)");
  }

  @Test
  void singleColumnsAndColumnsOfNoKeyGetNoHint() {
    assertThat(mariadb.keyLookupHint(TABLE, List.of("CATENTRY_ID"))).isEmpty();
    assertThat(mariadb.keyLookupHint(TABLE, List.of("CATGROUP_ID", "Rank`Id"))).isEmpty();
    assertThat(new PostgresDialect().keyLookupHint(TABLE, List.of("CATGROUP_ID", "CATENTRY_ID")))
        .isEmpty();
    assertThat(new H2Dialect().keyLookupHint(TABLE, List.of("CATGROUP_ID", "CATENTRY_ID")))
        .isEmpty();
  }

  private static Column column(String name, int position) {
    return new Column(name, position, Types.BIGINT, "bigint", 19, 0, false);
  }
}
