// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results table as an SVG bar chart: one horizontal bar per comparison and server, its target
 * as a marker line. Written by hand so that the harness needs no graphics library.
 */
final class RatioChart {
  static final String TITLE = "Ratios against targets";

  private static final int WIDTH = 960;
  private static final int SERVER_LABEL_RIGHT = 172;
  private static final int PLOT_LEFT = 180;
  private static final int PLOT_RIGHT = 690;
  private static final int VALUE_LABEL_LEFT = 702;
  private static final int PLOT_TOP = 100;
  private static final int HEADING_HEIGHT = 22;
  private static final int ROW_HEIGHT = 24;
  private static final int BAR_HEIGHT = 15;
  private static final int GROUP_GAP = 8;

  private final String caption;
  private final List<ChartBar> bars;
  private final LogScale scale;

  RatioChart(String caption, List<ChartBar> bars) {
    this.caption = caption;
    this.bars = bars;
    this.scale = LogScale.covering(bars);
  }

  String svg() {
    Map<String, List<ChartBar>> groups = groups();
    int height = PLOT_TOP;
    for (List<ChartBar> group : groups.values()) {
      height += HEADING_HEIGHT + group.size() * ROW_HEIGHT + GROUP_GAP;
    }
    int plotBottom = height;
    height += 62;

    StringBuilder out = new StringBuilder();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    svg(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d"
            + " %d\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\""
            + " font-size=\"12\">",
        WIDTH,
        height,
        WIDTH,
        height);
    out.append("<title>").append(TITLE).append("</title>\n");
    out.append("<desc>Measured time of each utility divided by its baseline's, per workload and")
        .append(" server, against the target ratio; lower is better. ")
        .append(escape(caption))
        .append("</desc>\n");
    out.append("<defs>\n");
    for (String dialect : List.of("PostgreSQL", "MariaDB", "other")) {
      svg(
          out,
          "<pattern id=\"met-%s\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\""
              + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\""
              + " fill=\"#ffffff\"/><rect width=\"2.5\" height=\"6\" fill=\"%s\"/></pattern>",
          id(dialect),
          colour(dialect));
    }
    out.append("</defs>\n");
    out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    out.append(
        "<text x=\"20\" y=\"28\" font-size=\"17\" font-weight=\"bold\">Staging utilities against"
            + " their baselines: time ratio per workload and server</text>\n");
    out.append("<text x=\"20\" y=\"48\" fill=\"#444444\">")
        .append(escape(caption.isEmpty() ? "" : caption + ". "))
        .append("Lower is better; a bar that ends left of its target line meets it.</text>\n");
    legend(out, 74);
    grid(out, plotBottom);

    int y = PLOT_TOP;
    for (Map.Entry<String, List<ChartBar>> group : groups.entrySet()) {
      ChartBar first = group.getValue().get(0);
      svg(
          out,
          "<rect x=\"12\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f2f2f2\"/>",
          y + 2,
          WIDTH - 24,
          HEADING_HEIGHT - 4);
      svg(
          out,
          "<text x=\"20\" y=\"%d\" font-weight=\"bold\">Pair %s: %s</text>",
          y + 15,
          escape(first.number()),
          escape(first.workload()));
      y += HEADING_HEIGHT;
      for (ChartBar bar : group.getValue()) {
        bar(out, bar, y);
        y += ROW_HEIGHT;
      }
      y += GROUP_GAP;
    }
    axis(out, plotBottom);
    out.append("</svg>\n");
    return out.toString();
  }

  /** Bars grouped by comparison pair in pair order, servers in the order they were measured. */
  private Map<String, List<ChartBar>> groups() {
    List<ChartBar> sorted = new ArrayList<>(bars);
    sorted.sort(Comparator.comparing(ChartBar::number));
    Map<String, List<ChartBar>> groups = new LinkedHashMap<>();
    for (ChartBar bar : sorted) {
      groups.computeIfAbsent(bar.number(), number -> new ArrayList<>()).add(bar);
    }
    return groups;
  }

  private void bar(StringBuilder out, ChartBar bar, int rowTop) {
    String status = bar.met() ? "met" : "missed";
    int top = rowTop + (ROW_HEIGHT - BAR_HEIGHT) / 2;
    double end = x(bar.ratio());
    double target = x(bar.target());
    svg(
        out,
        "<g class=\"bar %s\" data-number=\"%s\" data-server=\"%s\">",
        status,
        escape(bar.number()),
        escape(bar.dialect()));
    svg(
        out,
        "<title>Pair %s, %s, %s: %s, target %.1fx, %s</title>",
        escape(bar.number()),
        escape(bar.workload()),
        escape(bar.dialect()),
        ratio(bar.ratio()),
        bar.target(),
        status);
    svg(
        out,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
        SERVER_LABEL_RIGHT,
        top + 12,
        escape(bar.dialect()));
    svg(
        out,
        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" stroke=\"%s\"/>",
        PLOT_LEFT,
        top,
        Math.max(1, end - PLOT_LEFT),
        BAR_HEIGHT,
        bar.met() ? "url(#met-" + id(bar.dialect()) + ")" : colour(bar.dialect()),
        colour(bar.dialect()));
    svg(
        out,
        "<line class=\"target\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000000\""
            + " stroke-width=\"3\"/>",
        target,
        top - 4,
        target,
        top + BAR_HEIGHT + 4);
    svg(
        out,
        "<text x=\"%d\" y=\"%d\">%s  <tspan font-weight=\"bold\">%s</tspan>, target"
            + " %.1fx</text>",
        VALUE_LABEL_LEFT,
        top + 12,
        ratio(bar.ratio()),
        status,
        bar.target());
    out.append("</g>\n");
  }

  private void legend(StringBuilder out, int y) {
    int x = 20;
    for (String dialect : List.of("PostgreSQL", "MariaDB")) {
      for (boolean met : new boolean[] {false, true}) {
        svg(
            out,
            "<rect x=\"%d\" y=\"%d\" width=\"22\" height=\"13\" fill=\"%s\" stroke=\"%s\"/>",
            x,
            y - 11,
            met ? "url(#met-" + id(dialect) + ")" : colour(dialect),
            colour(dialect));
        String label = dialect + (met ? ", target met" : ", target missed");
        svg(out, "<text x=\"%d\" y=\"%d\">%s</text>", x + 28, y, escape(label));
        x += 40 + label.length() * 7;
      }
    }
    svg(
        out,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000000\" stroke-width=\"3\"/>",
        x + 8,
        y - 13,
        x + 8,
        y + 3);
    svg(out, "<text x=\"%d\" y=\"%d\">target ratio</text>", x + 18, y);
  }

  /** One gridline per power of two, 1x (as fast as the baseline) darker. */
  private void grid(StringBuilder out, int plotBottom) {
    for (double value : scale.ticks()) {
      boolean parity = Math.abs(value - 1) < 1e-9;
      svg(
          out,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"%s/>",
          x(value),
          PLOT_TOP - 6,
          x(value),
          plotBottom,
          parity ? "#888888" : "#d0d0d0",
          parity ? "" : " stroke-dasharray=\"3 3\"");
    }
  }

  private void axis(StringBuilder out, int plotBottom) {
    svg(
        out,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000000\"/>",
        PLOT_LEFT,
        plotBottom,
        PLOT_RIGHT,
        plotBottom);
    for (double value : scale.ticks()) {
      svg(
          out,
          "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
          x(value),
          plotBottom + 16,
          LogScale.label(value));
    }
    svg(
        out,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">utility time ÷ baseline time"
            + " (log scale: each gridline doubles the ratio)</text>",
        (PLOT_LEFT + PLOT_RIGHT) / 2,
        plotBottom + 40);
  }

  /** Appends one line of SVG. */
  private static void svg(StringBuilder out, String format, Object... arguments) {
    out.append(String.format(Locale.ROOT, format, arguments)).append('\n');
  }

  private double x(double value) {
    return PLOT_LEFT + scale.position(value) * (PLOT_RIGHT - PLOT_LEFT);
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0fx" : "%.2fx", value);
  }

  private static String colour(String dialect) {
    return switch (dialect) {
      case "PostgreSQL" -> "#336791";
      case "MariaDB" -> "#d9822b";
      default -> "#777777";
    };
  }

  private static String id(String dialect) {
    return switch (dialect) {
      case "PostgreSQL" -> "postgresql";
      case "MariaDB" -> "mariadb";
      default -> "other";
    };
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
