// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads ISO-8601 timestamps as people write them: with an offset or {@code Z}, or as local date and
 * time (or a bare date, meaning midnight) in the machine's time zone, as cron jobs think.
 */
public final class TimestampConverter implements ITypeConverter<Instant> {
  private final ZoneId zone;

  public TimestampConverter() {
    this(ZoneId.systemDefault());
  }

  TimestampConverter(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public Instant convert(String value) {
    String text = value.trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notWithOffset) {
      // fall through to local forms
    }
    try {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeParseException notLocalDateTime) {
      // fall through to a bare date
    }
    try {
      return LocalDate.parse(text).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is not an ISO-8601 timestamp such as 2024-05-01T22:00:00Z or 2024-05-01T22:00");
    }
  }
}
