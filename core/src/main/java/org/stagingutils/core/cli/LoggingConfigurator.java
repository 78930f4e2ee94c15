// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Applies {@code -q}/{@code -v} and {@code --log FILE} to Logback, which the executables configure
 * for stderr in their {@code logback.xml}. SLF4J has no API to change levels or add appenders, so
 * this is the one class of core that touches Logback; core declares Logback as an optional
 * dependency for it and nothing else. When another SLF4J binding is present it does nothing.
 *
 * <p>{@code -v} turns on DEBUG for the suite's own loggers only: the libraries' DEBUG output
 * (driver, pool, Flyway, jOOQ) would drown it.
 */
public final class LoggingConfigurator {
  private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";
  private static final String SUITE_LOGGER = "org.stagingutils";
  private static final String FILE_APPENDER = "staging-log-file";
  private static final String FILE_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{36} - %msg%n";

  private LoggingConfigurator() {}

  public static void configure(Level level, Optional<Path> logFile) {
    if (LOGBACK_CONTEXT.equals(LoggerFactory.getILoggerFactory().getClass().getName())) {
      Logback.configure(level, logFile);
    }
  }

  /** Loaded only once Logback is known to be present, so core runs without it. */
  private static final class Logback {
    static void configure(Level level, Optional<Path> logFile) {
      LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
      Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      ch.qos.logback.classic.Level suiteLevel = ch.qos.logback.classic.Level.toLevel(level.name());
      root.setLevel(level == Level.DEBUG ? ch.qos.logback.classic.Level.INFO : suiteLevel);
      context.getLogger(SUITE_LOGGER).setLevel(suiteLevel);
      // a second run in the same JVM (tests) must not keep writing to the first run's file
      root.detachAppender(FILE_APPENDER);
      logFile.ifPresent(path -> root.addAppender(fileAppender(context, path)));
    }

    private static FileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path path) {
      PatternLayoutEncoder encoder = new PatternLayoutEncoder();
      encoder.setContext(context);
      encoder.setPattern(FILE_PATTERN);
      encoder.start();
      FileAppender<ILoggingEvent> appender = new FileAppender<>();
      appender.setContext(context);
      appender.setName(FILE_APPENDER);
      appender.setFile(path.toString());
      appender.setAppend(true);
      appender.setEncoder(encoder);
      appender.start();
      return appender;
    }
  }
}
