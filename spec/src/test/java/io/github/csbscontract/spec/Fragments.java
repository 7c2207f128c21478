package io.github.csbscontract.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Generated fragments inside hand-written text, between {@code <!-- name:begin -->} and
 * {@code <!-- name:end -->} lines; the fragment takes the begin line's indentation (so that it
 * can sit inside a YAML block scalar) and is set off from the markers by blank lines (some
 * Markdown renderers read everything up to a blank line after an HTML comment as HTML).
 */
final class Fragments {

  private Fragments() {}

  /** The fragment's text, its indentation removed; throws when the markers are missing. */
  static String between(String text, String name) {
    List<String> lines = text.lines().toList();
    int begin = index(lines, name + ":begin");
    int end = index(lines, name + ":end");
    String indent = indentOf(lines.get(begin));
    List<String> inside = new ArrayList<>(lines.subList(begin + 1, end));
    while (!inside.isEmpty() && inside.get(0).isBlank()) {
      inside.remove(0);
    }
    while (!inside.isEmpty() && inside.get(inside.size() - 1).isBlank()) {
      inside.remove(inside.size() - 1);
    }
    StringBuilder fragment = new StringBuilder();
    for (String line : inside) {
      fragment.append(line.startsWith(indent) ? line.substring(indent.length()) : line.strip()).append('\n');
    }
    return fragment.toString();
  }

  /** The text with the fragment replaced by {@code content}, indented like its markers. */
  static String replace(String text, String name, String content) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    int begin = index(lines, name + ":begin");
    int end = index(lines, name + ":end");
    String indent = indentOf(lines.get(begin));
    List<String> replaced = new ArrayList<>(lines.subList(0, begin + 1));
    replaced.add("");
    content.lines().forEach(line -> replaced.add(line.isEmpty() ? "" : indent + line));
    replaced.add("");
    replaced.addAll(lines.subList(end, lines.size()));
    return String.join("\n", replaced) + (text.endsWith("\n") ? "\n" : "");
  }

  private static int index(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("<!-- " + marker + " -->")) {
        return i;
      }
    }
    throw new IllegalStateException("no <!-- " + marker + " --> line");
  }

  private static String indentOf(String line) {
    return line.substring(0, line.length() - line.stripLeading().length());
  }
}
