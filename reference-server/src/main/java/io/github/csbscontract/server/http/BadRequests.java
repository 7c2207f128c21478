package io.github.csbscontract.server.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What is wrong with a body that Jackson could not read or Bean Validation refused, as a 400
 * naming the field by its JSON path; never a stack trace or a class name.
 */
final class BadRequests {

  /** Longest echo of a client-chosen name (an unknown field) in a message. */
  private static final int MAX_ECHO = 64;

  private BadRequests() {}

  static ApiError json(JsonProcessingException e) {
    String where = e.getLocation() == null ? "" :
        " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    if (e instanceof JsonParseException) {
      return ApiError.badRequest("body: malformed JSON" + where);
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return ApiError.badRequest(echo(unknown.getPropertyName())
          + ": unknown field; the body must hold exactly one of check_restorable and check_protectable");
    }
    if (e instanceof JsonMappingException mapping) {
      return ApiError.badRequest(path(mapping) + ": " + expectation(mapping) + where);
    }
    return ApiError.badRequest("body: unreadable JSON" + where);
  }

  private static String path(JsonMappingException e) {
    if (e.getPath().isEmpty()) {
      return "body";
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(echo(ref.getFieldName()));
      } else {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** Says what the spec expects there, from the Java type Jackson wanted. */
  private static String expectation(JsonMappingException e) {
    if (e instanceof InvalidNullException) {
      return "must not be null";
    }
    Class<?> wanted = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    if (wanted == null) {
      return e.getOriginalMessage() != null && e.getOriginalMessage().contains("Duplicate field")
          ? "duplicate field" : "must be an object";
    }
    if (CharSequence.class.isAssignableFrom(wanted)) {
      return "must be a string";
    }
    if (Collection.class.isAssignableFrom(wanted)) {
      return "must be an array";
    }
    if (wanted == Boolean.class || wanted == boolean.class) {
      return "must be a boolean";
    }
    return "must be an object";
  }

  /** The first violation in JSON-path order, and how many more there are. */
  static ApiError violations(Collection<? extends ConstraintViolation<?>> violations) {
    List<String> problems = violations.stream().map(BadRequests::describe).sorted().toList();
    String message = problems.isEmpty() ? "body: invalid"
        : problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
    return ApiError.badRequest(message);
  }

  private static String describe(ConstraintViolation<?> violation) {
    String path = jsonPath(violation.getPropertyPath());
    // Only the body itself can be null at the top: the client sent none.
    return path.equals("body") && violation.getInvalidValue() == null
        ? "body: is required"
        : path + ": " + violation.getMessage();
  }

  /**
   * {@code checkResourceCapabilities.resourceActionRequest.checkRestorable[0].target} becomes
   * {@code check_restorable[0].target}: the JSON names a client sees.
   */
  static String jsonPath(Path path) {
    StringBuilder json = new StringBuilder();
    int depth = 0;
    for (Path.Node node : path) {
      depth++;
      if (depth == 1 || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        continue;
      }
      if (node.getKind() == ElementKind.PARAMETER) {
        if (!"resourceActionRequest".equals(node.getName())) {
          json.append(snake(node.getName()));
        }
        continue;
      }
      if (node.getIndex() != null && json.length() > 0) {
        json.append('[').append(node.getIndex()).append(']');
      }
      if (node.getName() != null) {
        json.append(json.length() == 0 ? "" : ".").append(snake(node.getName()));
      }
    }
    return json.length() == 0 ? "body" : json.toString();
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static String echo(String clientText) {
    return clientText.length() <= MAX_ECHO ? clientText : clientText.substring(0, MAX_ECHO) + "...";
  }
}
