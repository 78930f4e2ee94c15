// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagingutils.check.CheckCommand;
import org.stagingutils.copy.CopyCommand;
import org.stagingutils.prop.PropCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Unpacks the built archive the way a user does ({@code tar xzf}) and runs its launchers from an
 * unrelated working directory and through a symlink, with the Java runtime taken from JAVA_HOME.
 */
class DistributionArchiveIT {
  private static final Path TARGET = Path.of(System.getProperty("distribution.directory"));
  private static final String NAME = System.getProperty("distribution.name");
  private static final List<String> UTILITIES =
      List.of("stagingcopy", "stagingprop", "stagingcheck");

  @TempDir Path unpacked;
  @TempDir Path elsewhere;

  @Test
  void unpackedLaunchersRunFromAnyDirectory() throws Exception {
    Path home = untar();

    for (String utility : UTILITIES) {
      Path launcher = home.resolve("bin").resolve(utility);
      assertThat(Files.isExecutable(launcher)).as(launcher.toString()).isTrue();
      Result help = run(elsewhere, Map.of(), launcher.toString(), "--help");
      assertThat(help.exitCode()).as(help.output()).isZero();
      assertThat(help.output())
          .startsWith("Usage: " + utility)
          .contains("--staging-url", "--config")
          .doesNotContainIgnoringCase("logback");
    }
    Result version = run(elsewhere, Map.of(), home.resolve("bin/stagingprop").toString(), "-V");
    assertThat(version.output()).startsWith("stagingprop ").doesNotContain("unknown");
  }

  @Test
  void launcherFollowsSymlinksAndHonoursJavaOpts() throws Exception {
    Path home = untar();
    Path link = elsewhere.resolve("stagingprop");
    Files.createSymbolicLink(link, home.resolve("bin/stagingprop"));

    Result help =
        run(elsewhere, Map.of("JAVA_OPTS", "-Dno.such.glob=* -Xmx64m"), link.toString(), "--help");

    assertThat(help.exitCode()).as(help.output()).isZero();
    assertThat(help.output()).contains("Usage: stagingprop", "--on-conflict");

    Result badOptions =
        run(elsewhere, Map.of("JAVA_OPTS", "-Xno-such-jvm-option"), link.toString());
    assertThat(badOptions.exitCode()).isNotZero();
    assertThat(badOptions.output()).contains("-Xno-such-jvm-option");
  }

  /** cmd.exe is not here to run them, so this checks what each .bat must say. */
  @Test
  void windowsLaunchersHonourJavaHomeAndStartTheirMainClass() throws Exception {
    Path home = untar();
    Map<String, String> mainClasses =
        Map.of(
            "stagingcopy", "org.stagingutils.copy.Main",
            "stagingprop", "org.stagingutils.prop.Main",
            "stagingcheck", "org.stagingutils.check.Main");

    for (Map.Entry<String, String> utility : mainClasses.entrySet()) {
      Path launcher = home.resolve("bin").resolve(utility.getKey() + ".bat");
      String text = Files.readString(launcher);
      assertThat(text)
          .as(launcher.toString())
          .contains(
              "\r\n",
              "%JAVA_HOME%\\bin\\java.exe",
              "%JAVA_OPTS%",
              "-cp \"%STAGING_HOME%\\lib\\*\"",
              "conf\\logback.xml",
              " " + utility.getValue() + " %*",
              "exit /b %ERRORLEVEL%")
          .doesNotContainPattern("(?<!\r)\n");
      for (String other : mainClasses.values()) {
        if (!other.equals(utility.getValue())) {
          assertThat(text).as(launcher.toString()).doesNotContain(other);
        }
      }
    }
  }

  @Test
  void manPagesDescribeEveryOptionOfTheirCommand() throws Exception {
    Path home = untar();
    Map<String, Object> commands =
        Map.of(
            "stagingcopy", new CopyCommand(),
            "stagingprop", new PropCommand(),
            "stagingcheck", new CheckCommand());

    for (Map.Entry<String, Object> command : commands.entrySet()) {
      String utility = command.getKey();
      Path troff = home.resolve("man/man1").resolve(utility + ".1");
      // troff escapes every hyphen; man(1) prints them plain again.
      String page = Files.readString(troff).replace("\\-", "-");
      String source = Files.readString(home.resolve("docs/man").resolve(utility + ".adoc"));
      assertThat(page)
          .as(troff.toString())
          .contains(".TH \"" + utility.toUpperCase(Locale.ROOT) + "\" \"1\"", ".SH \"OPTIONS\"");
      for (OptionSpec option : new CommandLine(command.getValue()).getCommandSpec().options()) {
        if (!option.hidden()) {
          assertThat(page).as(troff.toString()).contains(option.longestName());
          assertThat(source).as(utility + ".adoc").contains(option.longestName());
        }
      }
    }
  }

  @Test
  void archiveHoldsConfigDocsAndCompletion() throws Exception {
    Path home = untar();

    assertThat(home.resolve("conf/staging.properties.example")).isRegularFile();
    assertThat(home.resolve("conf/logback.xml")).isRegularFile();
    assertThat(Files.readString(home.resolve("conf/staging.properties.example")))
        .contains("staging-url=", "production-url=", "scope.", "on-conflict");
    assertThat(home.resolve("README.md")).isRegularFile();
    assertThat(home.resolve("LICENSE")).isRegularFile();
    for (String page :
        List.of("concepts.md", "operations.md", "json-output.md", "stagingprop.md")) {
      assertThat(home.resolve("docs").resolve(page)).isRegularFile();
    }
    for (String utility : UTILITIES) {
      assertThat(Files.readString(home.resolve("completion").resolve(utility)))
          .contains("complete ", utility, "--staging-url");
    }
    try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.startsWith("stagingprop-"))
          .anyMatch(name -> name.startsWith("staging-core-"))
          .anyMatch(name -> name.startsWith("h2-"))
          .anyMatch(name -> name.startsWith("postgresql-"))
          .anyMatch(name -> name.startsWith("mariadb-java-client-"));
    }
  }

  @Test
  void zipHoldsTheSameFilesAsTheTarball() throws Exception {
    Path home = untar();
    List<String> tarFiles = new ArrayList<>();
    try (Stream<Path> files = Files.walk(home)) {
      files
          .filter(Files::isRegularFile)
          .forEach(f -> tarFiles.add(home.getParent().relativize(f).toString()));
    }
    List<String> zipFiles = new ArrayList<>();
    try (ZipFile zip = new ZipFile(TARGET.resolve(NAME + ".zip").toFile())) {
      Collections.list(zip.entries()).stream()
          .filter(e -> !e.isDirectory())
          .forEach(e -> zipFiles.add(e.getName()));
    }

    assertThat(zipFiles).containsExactlyInAnyOrderElementsOf(tarFiles);
  }

  private Path untar() throws IOException, InterruptedException {
    Path archive = TARGET.resolve(NAME + ".tar.gz");
    assertThat(archive).isRegularFile();
    Result tar = run(unpacked, Map.of(), "tar", "xzf", archive.toString());
    assertThat(tar.exitCode()).as(tar.output()).isZero();
    try (Stream<Path> entries = Files.list(unpacked)) {
      List<Path> top = entries.toList();
      assertThat(top).as("one top-level directory in the archive").hasSize(1);
      return top.get(0);
    }
  }

  private static Result run(Path directory, Map<String, String> environment, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("JAVA_OPTS");
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private record Result(int exitCode, String output) {}
}
