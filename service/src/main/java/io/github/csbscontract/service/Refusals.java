package io.github.csbscontract.service;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.github.csbscontract.core.Contract;
import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.core.validation.JsonPaths;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a body that Jackson could not read or Bean Validation refused, as a 400
 * naming the field by its JSON path; never a stack trace or a class name. The reference server
 * and the JAX-RS runtimes word their refusals alike through this.
 */
public final class Refusals {

  /** The generated operation's parameters as a request names them; null for the body. */
  private static final List<String> PARAMETERS = parameters();
  /** Longest echo of a client-chosen name (an unknown field) in a message. */
  private static final int MAX_ECHO = 64;

  private Refusals() {}

  public static CsbsRequestException json(JsonProcessingException e) {
    String where = e.getLocation() == null ? "" :
        " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    if (e instanceof JsonParseException) {
      return badRequest("body: malformed JSON" + where);
    }
    if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input")) {
      // Jackson reports a body cut off inside a list as a mapping problem of the list's items.
      return badRequest("body: malformed JSON, it ends too early" + where);
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return badRequest(echo(unknown.getPropertyName())
          + ": unknown field; the body must hold exactly one of check_restorable and check_protectable");
    }
    if (e instanceof JsonMappingException mapping) {
      return badRequest(path(mapping) + ": " + expectation(mapping) + where);
    }
    return badRequest("body: unreadable JSON" + where);
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
  public static CsbsRequestException violations(Collection<? extends ConstraintViolation<?>> violations) {
    List<String> problems = violations.stream().map(Refusals::describe).sorted().toList();
    String message = problems.isEmpty() ? "body: invalid"
        : problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
    return badRequest(message);
  }

  private static String describe(ConstraintViolation<?> violation) {
    String path = JsonPaths.of(violation.getPropertyPath(), PARAMETERS);
    // Only the body itself can be null at the top: the client sent none.
    return path.equals("body") && violation.getInvalidValue() == null
        ? "body: is required"
        : path + ": " + violation.getMessage();
  }

  /**
   * The operation's path parameters in the template's order, then the body, which is the order
   * of {@link CapabilityResource#checkResourceCapabilities}'s parameters. From the contract's
   * template rather than the generated interface's JAX-RS annotations, so that this core loads no
   * JAX-RS class; {@code RefusalsTest} holds the two to each other.
   */
  static List<String> parameters() {
    List<String> names = new ArrayList<>();
    Matcher parameter = Pattern.compile("\\{([^}/]+)}").matcher(Contract.OPERATION_PATH);
    while (parameter.find()) {
      names.add(parameter.group(1));
    }
    names.add(null);
    return Collections.unmodifiableList(names);
  }

  /** A 400 {@code CSBS.9001} with this message. */
  public static CsbsRequestException badRequest(String message) {
    return new CsbsRequestException(400, ErrorCode.PARAMETER_INVALID, message);
  }

  private static String echo(String clientText) {
    return clientText.length() <= MAX_ECHO ? clientText : clientText.substring(0, MAX_ECHO) + "...";
  }
}
