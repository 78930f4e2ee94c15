// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Printed URLs hide every password and keep every other parameter, TLS ones included. */
class JdbcUrlsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:postgresql://db/store?user=u&password=s3cret&sslmode=verify-full"
            + "|jdbc:postgresql://db/store?user=u&password=***&sslmode=verify-full",
        "jdbc:postgresql://db/store?sslmode=verify-full&sslrootcert=/etc/ca.pem&sslpassword=s3cret"
            + "|jdbc:postgresql://db/store?sslmode=verify-full&sslrootcert=/etc/ca.pem&sslpassword=***",
        "jdbc:mariadb://db:3306/store?sslMode=verify-full&trustStorePassword=s3cret&password=s3cret"
            + "|jdbc:mariadb://db:3306/store?sslMode=verify-full&trustStorePassword=***&password=***",
        "jdbc:mysql://u:s3cret@db/store?useSSL=true|jdbc:mysql://u:***@db/store?useSSL=true",
        "jdbc:h2:tcp://db/store;PASSWORD=s3cret;MODE=PostgreSQL"
            + "|jdbc:h2:tcp://db/store;PASSWORD=***;MODE=PostgreSQL",
        "jdbc:postgresql://db/store?password=a:b,c)d&ssl=true"
            + "|jdbc:postgresql://db/store?password=***&ssl=true",
        "jdbc:postgresql://db/store?sslmode=require|jdbc:postgresql://db/store?sslmode=require",
      })
  void masksPasswordsAndKeepsEveryOtherParameter(String url, String printed) {
    assertThat(JdbcUrls.redact(url)).isEqualTo(printed);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://db/store?password=s3cret",
        "jdbc:mariadb://u:s3cret@db/store",
        "jdbc:postgresql://db/store?PWD=s3cret",
      })
  void settingsNeverShowThePassword(String url) {
    ConnectionSettings settings =
        new ConnectionSettings("production", url, "u", "s3cret", Optional.empty());
    assertThat(settings.toString()).doesNotContain("s3cret");
    assertThat(settings.redactedUrl()).doesNotContain("s3cret");
  }
}
