// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.config;

import java.util.regex.Pattern;

/** Makes JDBC URLs safe to print: passwords in the URL are masked. */
public final class JdbcUrls {
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)((?:password|passwd|pwd)\\s*=\\s*)[^&;:,)]*");
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
