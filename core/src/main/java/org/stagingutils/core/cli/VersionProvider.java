// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The suite's version, filtered into a resource at build time so it holds in and out of jars. */
public final class VersionProvider implements IVersionProvider {
  private static final String RESOURCE = "version.properties";

  @Spec CommandSpec spec;

  @Override
  public String[] getVersion() throws IOException {
    return new String[] {
      spec.name() + " " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  static String version() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      properties.load(in);
    }
    return properties.getProperty("version", "unknown");
  }
}
