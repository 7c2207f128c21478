package io.github.csbscontract.server.operation;

import io.github.csbscontract.service.ServiceMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.csbscontract.core.validation.ConstraintPrecheck;
import io.github.csbscontract.core.validation.OversizedLists;
import io.github.csbscontract.service.CsbsRequestException;
import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.rules.StoreUnavailableException;
import io.github.csbscontract.server.wire.ApiError;
import io.github.csbscontract.server.wire.Body;
import io.github.csbscontract.service.Refusals;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Set;

/**
 * Calls the operation as a JAX-RS runtime would: the body read as the operation's model, the
 * arguments checked against their Bean Validation constraints, the implementation called, its
 * answer written as JSON. Refusals come out as {@link ApiError}.
 */
final class Dispatcher {

  private final Operation operation;
  private final Validator validator;
  private final ConstraintPrecheck precheck;
  private final ObjectReader reader;
  private final ObjectWriter writer = ServiceMapper.mapper().writer();

  Dispatcher(Operation operation, Validator validator) {
    this.operation = operation;
    this.validator = validator;
    // The precheck answers "valid" without the validator's bookkeeping (BENCHMARKS.md: Bean
    // Validation was most of the CPU of a valid batch); only what it cannot pass goes to the validator.
    this.precheck = ConstraintPrecheck.forParameters(validator, operation.method);
    this.reader = ServiceMapper.mapper().readerFor(operation.bodyType);
  }

  /**
   * A request read as the operation's arguments for one implementation (the one over the catalog
   * the request was admitted under); {@link #prechecked} when they are known valid.
   */
  record Call(Object implementation, Object[] args, boolean prechecked) {}

  /** The operation's JSON answer to a request with these path values and body, all in one go. */
  byte[] dispatch(Object implementation, String[] pathValues, Body body) {
    return finish(prepare(implementation, pathValues, body));
  }

  /**
   * The arguments, and whether the precheck found them valid: cheap, for the event loop. A call
   * it did not pass needs the validator, whose cost grows with the number of violations (a
   * megabyte of invalid IDs is 24,000 of them), so {@link OperationHandler} finishes it off the loop.
   */
  Call prepare(Object implementation, String[] pathValues, Body body) {
    try {
      Object[] args = operation.arguments(pathValues, read(body));
      return new Call(implementation, args, precheck.passes(args));
    } catch (CsbsRequestException refused) {
      throw ApiError.of(refused);
    }
  }

  /** Validates the arguments unless prechecked, calls the implementation, writes its answer. */
  byte[] finish(Call call) {
    Object answer;
    try {
      if (!call.prechecked()) {
        validate(call.implementation(), call.args());
      }
      answer = operation.invoke(call.implementation(), call.args());
    } catch (CsbsRequestException refused) {
      throw ApiError.of(refused);
    } catch (StoreUnavailableException unavailable) {
      // An Inventory over a store that is down: what CsbsFeature answers on JAX-RS runtimes.
      throw ApiError.service(503, ErrorCode.SERVICE_UNAVAILABLE).retryAfter(unavailable.retryAfter());
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable checked) {
      throw new IllegalStateException("the operation threw " + checked, checked);
    }
    try {
      return writer.writeValueAsBytes(answer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the answer cannot be written as JSON", e);
    }
  }

  private void validate(Object implementation, Object[] args) {
    for (Object arg : args) {
      // Before the validator reports every element of a list of 300,000: see OversizedLists.
      OversizedLists.cut(arg);
    }
    Set<ConstraintViolation<Object>> violations =
        validator.forExecutables().validateParameters(implementation, operation.method, args);
    if (!violations.isEmpty()) {
      throw Refusals.violations(violations);
    }
  }

  /** The body as the operation's model; null for none. */
  private Object read(Body body) {
    if (isBlank(body.bytes(), body.length())) {
      return null;
    }
    int malformed = Utf8.firstMalformed(body.bytes(), body.length());
    if (malformed >= 0) {
      throw Refusals.badRequest("body: not UTF-8 text (malformed byte at offset " + malformed + ")");
    }
    try {
      return reader.readValue(body.bytes(), 0, body.length());
    } catch (JsonProcessingException unreadable) {
      throw Refusals.json(unreadable);
    } catch (IOException notText) {
      // Parsing bytes in memory does no I/O: Jackson's encoding detection refused them.
      throw Refusals.badRequest("body: malformed JSON (not UTF-8 text)");
    }
  }

  private static boolean isBlank(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }
}
