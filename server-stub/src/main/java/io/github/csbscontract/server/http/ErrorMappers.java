package io.github.csbscontract.server.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.github.csbscontract.server.http.ApiError.GatewayError;
import io.github.csbscontract.server.model.ErrorResponse;
import io.github.csbscontract.server.rules.CsbsError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Turns every failure into the service's error body. Client mistakes are 4xx naming the field,
 * never with a stack trace or a class name; only our own faults are 500.
 */
final class ErrorMappers {

  private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

  /** Longest echo of a client-chosen name (an unknown field) in a message. */
  private static final int MAX_ECHO = 64;

  private ErrorMappers() {}

  static List<Object> all() {
    return List.of(new ApiErrors(), new WebErrors(), new JsonErrors(), new Violations(), new BrokenBodies(),
        new Unparseable(), new Unexpected());
  }

  static Response answer(ApiError error) {
    ErrorResponse body = new ErrorResponse().errorCode(error.errorCode).errorMsg(error.errorMsg);
    if (error.fromGateway) {
      body.requestId(UUID.randomUUID().toString().replace("-", ""));
    }
    return Response.status(error.status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  static final class ApiErrors implements ExceptionMapper<ApiError> {
    @Override
    public Response toResponse(ApiError error) {
      return answer(error);
    }
  }

  static final class WebErrors implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      if (e instanceof NotFoundException) {
        return answer(ApiError.gateway(404, GatewayError.API_NOT_FOUND));
      }
      if (e instanceof NotAllowedException) {
        return answer(ApiError.gateway(405, GatewayError.METHOD_NOT_FOUND));
      }
      if (e instanceof NotSupportedException) {
        return answer(ApiError.unsupportedMediaType());
      }
      if (e.getCause() instanceof ApiError cause) {
        return answer(cause);
      }
      if (e.getCause() instanceof JsonProcessingException cause) {
        return answer(JsonErrors.describe(cause));
      }
      int status = e.getResponse().getStatus();
      if (status < 500) {
        return answer(ApiError.badRequest("request: " + e.getResponse().getStatusInfo().getReasonPhrase()));
      }
      return new Unexpected().toResponse(e);
    }
  }

  static final class JsonErrors implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      return answer(describe(e));
    }

    static ApiError describe(JsonProcessingException e) {
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
      Class<?> wanted = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
      if (wanted == null) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().contains("Duplicate field")
            ? "duplicate field" : "must be an object";
      }
      if (CharSequence.class.isAssignableFrom(wanted)) {
        return "must be a string";
      }
      if (java.util.Collection.class.isAssignableFrom(wanted)) {
        return "must be an array";
      }
      if (wanted == Boolean.class || wanted == boolean.class) {
        return "must be a boolean";
      }
      return "must be an object";
    }
  }

  static final class Violations implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<String> problems = e.getConstraintViolations().stream()
          .map(Violations::describe)
          .sorted(Comparator.naturalOrder())
          .collect(Collectors.toList());
      String message = problems.isEmpty() ? "body: invalid"
          : problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
      return answer(ApiError.badRequest(message));
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
        if (depth == 1 || node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
          continue;
        }
        if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
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
  }

  /**
   * The only I/O this server does per request is reading the client's body: when that fails
   * (the client stopped sending, or the read timed out), the client's request is at fault.
   */
  static final class BrokenBodies implements ExceptionMapper<java.io.IOException> {
    @Override
    public Response toResponse(java.io.IOException e) {
      if (e instanceof JsonProcessingException json) {
        return answer(JsonErrors.describe(json));
      }
      return answer(ApiError.badRequest("body: could not be read to its end (incomplete or too slow)"));
    }
  }

  /** Jersey's word for a header (or entity) it cannot parse: the client's mistake. */
  static final class Unparseable implements ExceptionMapper<jakarta.ws.rs.ProcessingException> {
    @Override
    public Response toResponse(jakarta.ws.rs.ProcessingException e) {
      if (e.getCause() instanceof ApiError cause) {
        return answer(cause);
      }
      return answer(ApiError.badRequest("request: a header or the body cannot be parsed"));
    }
  }

  static final class Unexpected implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      LOG.log(Level.SEVERE, "unexpected failure answering a request", e);
      return answer(ApiError.service(500, CsbsError.INTERNAL, "check resource capabilities"));
    }
  }

  private static String echo(String clientText) {
    return clientText.length() <= MAX_ECHO ? clientText : clientText.substring(0, MAX_ECHO) + "...";
  }
}
