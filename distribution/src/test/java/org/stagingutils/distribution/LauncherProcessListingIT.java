// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Passwords given the documented ways (config file, environment, prompt) never show in a process
 * listing while stagingprop runs, whichever launcher starts it: the distribution archive's
 * bin/stagingprop or the build tree's scripts/stagingprop. The run is held at the prompt for the
 * production password, where the launcher has long since started the JVM, and the listing is read
 * there and again, as often as it can be, until the run ends.
 */
class LauncherProcessListingIT {
  private static final Path TARGET = Path.of(System.getProperty("distribution.directory"));
  private static final String NAME = System.getProperty("distribution.name");
  private static final Path REPOSITORY = Path.of(System.getProperty("repository.directory"));
  private static final String PROMPT = "Production database password:";

  /** How the staging password reaches stagingprop. */
  enum Given {
    CONFIG_FILE,
    ENVIRONMENT
  }

  @TempDir static Path unpacked;
  @TempDir Path work;

  static Stream<Arguments> launchers() {
    return Stream.of("archive", "build tree")
        .flatMap(launcher -> Stream.of(Given.values()).map(given -> Arguments.of(launcher, given)));
  }

  @ParameterizedTest(name = "{0} launcher, staging password in the {1}, production prompted")
  @MethodSource("launchers")
  void passwordsAppearInNoProcessListing(String launcher, Given given) throws Exception {
    String stagingPassword = secret("staging");
    String productionPassword = secret("production");
    Path config = work.resolve("staging.properties");
    Files.writeString(
        config,
        "staging-url=jdbc:h2:mem:staging\n"
            + "staging-user=sa\n"
            + "production-url=jdbc:h2:mem:production\n"
            + "production-user=sa\n"
            + "scope.all=CATENTRY\n"
            + (given == Given.CONFIG_FILE ? "staging-password=" + stagingPassword + "\n" : ""));
    ProcessBuilder builder =
        new ProcessBuilder(
                "sh",
                launcher(launcher).toString(),
                "--config",
                config.toString(),
                "--dry-run",
                "--production-password")
            .directory(work.toFile())
            .redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("PRODUCTION_PASSWORD");
    builder.environment().remove("STAGING_PASSWORD");
    if (given == Given.ENVIRONMENT) {
      builder.environment().put("STAGING_PASSWORD", stagingPassword);
    }

    Process process = builder.start();
    Output output = new Output(process);
    try {
      assertThat(output.await(PROMPT, 60)).as(output.text()).isTrue();
      List<String> listing = listing(process);
      assertThat(commandLine(process.toHandle()))
          .as("the launcher has become the stagingprop JVM")
          .contains("java", "--production-password");
      assertThat(listing).noneMatch(args -> args.contains(stagingPassword));

      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write((productionPassword + "\n").getBytes(StandardCharsets.UTF_8));
      }
      while (process.isAlive()) {
        assertThat(listing(process))
            .noneMatch(args -> args.contains(stagingPassword) || args.contains(productionPassword));
      }
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    output.join();
    assertThat(output.text()).doesNotContain(stagingPassword, productionPassword);
  }

  private static Path launcher(String which) throws Exception {
    if (which.equals("build tree")) {
      return REPOSITORY.resolve("scripts/stagingprop");
    }
    synchronized (LauncherProcessListingIT.class) {
      try (Stream<Path> entries = Files.list(unpacked)) {
        if (entries.findAny().isEmpty()) {
          Process tar =
              new ProcessBuilder("tar", "xzf", TARGET.resolve(NAME + ".tar.gz").toString())
                  .directory(unpacked.toFile())
                  .inheritIO()
                  .start();
          assertThat(tar.waitFor()).isZero();
        }
      }
      try (Stream<Path> entries = Files.list(unpacked)) {
        return entries.findFirst().orElseThrow().resolve("bin/stagingprop");
      }
    }
  }

  /**
   * What another user sees: {@code ps -eo args} for every process, and the command line of the
   * launcher's process and its descendants read from /proc directly.
   */
  private static List<String> listing(Process launcher) throws Exception {
    List<String> listing = new ArrayList<>();
    Process ps = new ProcessBuilder("ps", "-eo", "args").redirectErrorStream(true).start();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(ps.getInputStream(), StandardCharsets.UTF_8))) {
      reader.lines().forEach(listing::add);
    }
    ps.waitFor();
    List<ProcessHandle> handles = new ArrayList<>();
    handles.add(launcher.toHandle());
    launcher.descendants().forEach(handles::add);
    for (ProcessHandle handle : handles) {
      listing.add(commandLine(handle));
    }
    return listing;
  }

  /** The arguments /proc shows for a process, empty once it has ended. */
  private static String commandLine(ProcessHandle process) {
    Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
    try {
      return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  private static String secret(String role) {
    byte[] bytes = new byte[8];
    new SecureRandom().nextBytes(bytes);
    return role + "-pw-" + HexFormat.of().formatHex(bytes);
  }

  /** The process's merged output, collected as it comes so that a prompt can be waited for. */
  private static final class Output {
    private final StringBuilder text = new StringBuilder();
    private final Thread pump;

    Output(Process process) {
      pump =
          new Thread(
              () -> {
                try (var in = process.getInputStream()) {
                  byte[] buffer = new byte[4096];
                  for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (text) {
                      text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                      text.notifyAll();
                    }
                  }
                } catch (IOException e) {
                  // the process was killed
                }
              },
              "launcher-output");
      pump.setDaemon(true);
      pump.start();
    }

    boolean await(String fragment, int seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      synchronized (text) {
        while (text.indexOf(fragment) < 0) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0 || !pump.isAlive()) {
            return false;
          }
          text.wait(Math.min(left, 100));
        }
        return true;
      }
    }

    void join() throws InterruptedException {
      pump.join(10_000);
    }

    String text() {
      synchronized (text) {
        return text.toString();
      }
    }
  }
}
