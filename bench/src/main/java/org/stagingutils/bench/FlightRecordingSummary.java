// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a recording made with --jfr: where the utility waited for the database (socket reads,
 * by the first frame of the suite and its caller) and where the JVM spent its CPU (execution
 * samples, by top frame). The utilities mostly wait, so the first list is the one that names a slow
 * statement.
 */
final class FlightRecordingSummary {
  private static final String SUITE = "org.stagingutils.";
  private static final int TOP = 12;

  private final Map<String, Duration> waits = new HashMap<>();
  private final Map<String, Integer> waitCounts = new HashMap<>();
  private final Map<String, Integer> samples = new HashMap<>();
  private int sampleCount;

  static FlightRecordingSummary read(Path recording) throws IOException {
    FlightRecordingSummary summary = new FlightRecordingSummary();
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      String type = event.getEventType().getName();
      if (type.equals("jdk.SocketRead") && event.getStackTrace() != null) {
        summary.addWait(suiteFrames(event.getStackTrace().getFrames()), event.getDuration());
      } else if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        if (!frames.isEmpty()) {
          summary.samples.merge(name(frames.get(0)), 1, Integer::sum);
          summary.sampleCount++;
        }
      }
    }
    return summary;
  }

  void print(PrintStream out) {
    out.println("Waiting for the database (socket reads over the recording threshold):");
    waits.entrySet().stream()
        .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
        .limit(TOP)
        .forEach(
            e ->
                out.printf(
                    "%8.2f s %6d  %s%n",
                    e.getValue().toMillis() / 1000.0, waitCounts.get(e.getKey()), e.getKey()));
    out.printf("On the CPU (%d execution samples, by top frame):%n", sampleCount);
    samples.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(TOP)
        .forEach(e -> out.printf("%8d  %s%n", e.getValue(), e.getKey()));
  }

  private void addWait(String where, Duration duration) {
    waits.merge(where, duration, Duration::plus);
    waitCounts.merge(where, 1, Integer::sum);
  }

  /** The first two frames of the suite's own code: the statement's runner and its caller. */
  private static String suiteFrames(List<RecordedFrame> frames) {
    List<String> suite =
        frames.stream()
            .filter(f -> f.getMethod().getType().getName().startsWith(SUITE))
            .limit(2)
            .map(f -> name(f) + ":" + f.getLineNumber())
            .toList();
    return suite.isEmpty() ? "(outside the suite)" : String.join(" < ", suite);
  }

  private static String name(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
  }
}
