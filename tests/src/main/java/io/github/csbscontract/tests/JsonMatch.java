package io.github.csbscontract.tests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Compares JSON exactly, except that the expected string {@code ${any}} matches any string. */
public final class JsonMatch {

  private JsonMatch() {}

  public static List<String> differences(JsonNode expected, JsonNode actual) {
    List<String> differences = new ArrayList<>();
    compare("$", expected, actual, differences);
    return differences;
  }

  private static void compare(String at, JsonNode expected, JsonNode actual, List<String> differences) {
    if (actual == null || actual.isMissingNode()) {
      differences.add(at + ": missing, expected " + expected);
      return;
    }
    if (expected.isTextual() && ContractCase.ANY.equals(expected.asText())) {
      if (!actual.isTextual()) {
        differences.add(at + ": expected a string, was " + actual);
      }
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        compare(at + "." + name, expected.get(name), actual.get(name), differences);
      }
      for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!expected.has(name)) {
          differences.add(at + "." + name + ": unexpected, was " + actual.get(name));
        }
      }
      return;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        differences.add(at + ": expected " + expected.size() + " elements, was " + actual.size());
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(at + "[" + i + "]", expected.get(i), actual.get(i), differences);
      }
      return;
    }
    if (!expected.equals(actual)) {
      differences.add(at + ": expected " + expected + ", was " + actual);
    }
  }
}
