// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.config;

import java.util.regex.Pattern;

/**
 * Makes JDBC URLs safe to print: passwords in the URL are masked. Every other parameter (sslmode,
 * sslrootcert, trustStore...) is shown as given: the URL itself reaches the driver untouched.
 */
public final class JdbcUrls {
  private static final Pattern PASSWORD_PARAMETER =
      // Any parameter ending in password (sslpassword, trustStorePassword...), up to the next
      // parameter: a password may well contain ':' or ','.
      Pattern.compile("(?i)((?:password|passwd|pwd)\\s*=\\s*)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]+:)[^/@]*@");

  private JdbcUrls() {}

  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    return USER_INFO.matcher(masked).replaceAll("$1***@");
  }
}
