// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The machine the numbers were measured on, as the report describes it. */
record MachineInfo(int cores, String cpu, long memoryMib, String system, String java, String load) {

  static MachineInfo current() {
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        procLine("/proc/cpuinfo", "model name").map(MachineInfo::value).orElse("unknown CPU"),
        procLine("/proc/meminfo", "MemTotal")
            .map(line -> Long.parseLong(value(line).replaceAll("[^0-9]", "")) / 1024)
            .orElse(0L),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        "Java " + System.getProperty("java.version"),
        read("/proc/loadavg")
            .map(text -> String.join(" ", List.of(text.split(" ")).subList(0, 3)))
            .orElse("unknown"));
  }

  private static Optional<String> procLine(String file, String prefix) {
    return read(file).flatMap(text -> text.lines().filter(l -> l.startsWith(prefix)).findFirst());
  }

  private static String value(String line) {
    return line.substring(line.indexOf(':') + 1).trim();
  }

  private static Optional<String> read(String file) {
    try {
      return Optional.of(Files.readString(Path.of(file)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
