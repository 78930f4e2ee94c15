// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DriverPropertiesTest {
  private static final Map<String, String> BULK = Map.of("useBulkStmts", "true");

  @Test
  void aPropertyTheUrlDoesNotSetIsAdded() {
    assertThat(DriverProperties.notSetIn("jdbc:mariadb://db:3306/store", BULK)).isEqualTo(BULK);
    assertThat(
            DriverProperties.notSetIn("jdbc:mariadb://db/store?useBulkStmtsForInserts=false", BULK))
        .isEqualTo(BULK);
  }

  @Test
  void theUrlsOwnSettingWinsInAnyCase() {
    assertThat(DriverProperties.notSetIn("jdbc:mariadb://db/store?usebulkstmts=false", BULK))
        .isEmpty();
    assertThat(
            DriverProperties.notSetIn(
                "jdbc:mariadb://db/store?sslMode=verify-full&useBulkStmts", BULK))
        .isEmpty();
    assertThat(DriverProperties.notSetIn("jdbc:h2:mem:x;USEBULKSTMTS=FALSE", BULK)).isEmpty();
  }
}
