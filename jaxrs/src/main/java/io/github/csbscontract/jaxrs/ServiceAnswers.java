package io.github.csbscontract.jaxrs;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.rules.StoreUnavailableException;
import io.github.csbscontract.server.model.ErrorResponse;
import io.github.csbscontract.service.CapabilityResource;
import io.github.csbscontract.service.CsbsRequestException;
import io.github.csbscontract.service.GatewayRefusal;
import io.github.csbscontract.service.Refusals;
import io.github.csbscontract.service.ServiceMapper;
import jakarta.annotation.Priority;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every refusal in the service's error format ({@code error_code}, {@code error_msg}, and
 * {@code request_id} for the gateway's codes), worded as the reference server words it: one
 * exception mapper per kind of failure, each registered by {@link CsbsFeature}. Only our own
 * faults are 500, logged here; a client never sees a stack trace or a class name.
 *
 * <p>The mappers carry a high priority ({@link #PRIORITY}) so that they win over a runtime's
 * own mappers for the same exception types (Jackson's and Bean Validation's).
 */
// Long because JAX-RS picks an exception mapper by the exception's type: one small class per
// type, kept together so that every refusal's wording is in one file.
public final class ServiceAnswers {

  /** Ahead of a runtime's built-in mappers (lower is first). */
  public static final int PRIORITY = 100;

  private static final Logger LOG = Logger.getLogger(ServiceAnswers.class.getName());

  private ServiceAnswers() {}

  /** The answer to a request the service refuses. */
  public static Response refusal(CsbsRequestException refused) {
    return answer(refused.status(), refusalBody(refused));
  }

  /** The answer to a request the gateway refuses, with a request ID as the gateway gives one. */
  public static Response gateway(ErrorCode error) {
    return answer(error.status(), gatewayBody(error));
  }

  static byte[] refusalBody(CsbsRequestException refused) {
    return json(new ErrorResponse().errorCode(refused.errorCode()).errorMsg(refused.errorMsg()));
  }

  static byte[] gatewayBody(ErrorCode error) {
    return json(new ErrorResponse().errorCode(error.code()).errorMsg(error.message())
        .requestId(UUID.randomUUID().toString().replace("-", "")));
  }

  /**
   * Written here rather than by the runtime's JSON provider, whose settings (null fields, for
   * one) are the application's.
   */
  private static Response answer(int status, byte[] body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  private static byte[] json(ErrorResponse body) {
    try {
      return ServiceMapper.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * The answer when the inventory's store cannot answer now: 503 {@code CSBS.0503} with
   * {@code Retry-After} in whole seconds (at least 1); what failed is logged, not sent.
   */
  public static Response unavailable(StoreUnavailableException unavailable) {
    LOG.log(Level.WARNING, "store unavailable: " + unavailable.getMessage(), unavailable.getCause());
    long seconds = Math.max(1, unavailable.retryAfter().toSeconds());
    return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .entity(unavailableBody())
        .build();
  }

  static byte[] unavailableBody() {
    return refusalBody(new CsbsRequestException(503, ErrorCode.SERVICE_UNAVAILABLE));
  }

  static Response internalError(Throwable failure) {
    LOG.log(Level.SEVERE, "unexpected failure answering a request", failure);
    return refusal(new CsbsRequestException(500, ErrorCode.INTERNAL, "check resource capabilities"));
  }

  /** What the service itself refuses ({@link CapabilityResource}, {@link Refusals}). */
  @Priority(PRIORITY)
  public static final class Refused implements ExceptionMapper<CsbsRequestException> {
    @Override
    public Response toResponse(CsbsRequestException refused) {
      return refusal(refused);
    }
  }

  /** The inventory's store is down or unreachable ({@link StoreUnavailableException}). */
  @Priority(PRIORITY)
  public static final class Unavailable implements ExceptionMapper<StoreUnavailableException> {
    @Override
    public Response toResponse(StoreUnavailableException unavailable) {
      return unavailable(unavailable);
    }
  }

  /** What the gateway refuses while the body is read ({@link CsbsBodyLimit}). */
  @Priority(PRIORITY)
  public static final class GatewayRefused implements ExceptionMapper<GatewayRefusal> {
    @Override
    public Response toResponse(GatewayRefusal refused) {
      return gateway(refused.error());
    }
  }

  /** A path that is not the operation's. */
  @Priority(PRIORITY)
  public static final class UnknownPath implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException notFound) {
      return gateway(ErrorCode.API_NOT_FOUND);
    }
  }

  /** The operation's path with another method. */
  @Priority(PRIORITY)
  public static final class OtherMethod implements ExceptionMapper<NotAllowedException> {
    @Override
    public Response toResponse(NotAllowedException notAllowed) {
      return gateway(ErrorCode.METHOD_NOT_FOUND);
    }
  }

  /** A body that is not JSON, where the runtime's matching decides before {@link CsbsGateway}. */
  @Priority(PRIORITY)
  public static final class NotJson implements ExceptionMapper<NotSupportedException> {
    @Override
    public Response toResponse(NotSupportedException notJson) {
      return refusal(new CsbsRequestException(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE));
    }
  }

  /**
   * A body Jackson could not read. Mapped per Jackson type as well, since runtimes bring their
   * own mappers for the narrower types and the narrowest mapper wins.
   */
  @Priority(PRIORITY)
  public static final class UnreadableJson implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException unreadable) {
      return refusal(Refusals.json(unreadable));
    }
  }

  /** See {@link UnreadableJson}. */
  @Priority(PRIORITY)
  public static final class MalformedJson implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException malformed) {
      return refusal(Refusals.json(malformed));
    }
  }

  /** See {@link UnreadableJson}. */
  @Priority(PRIORITY)
  public static final class UnmappableJson implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException unmappable) {
      return refusal(Refusals.json(unmappable));
    }
  }

  /** See {@link UnreadableJson}. */
  @Priority(PRIORITY)
  public static final class MismatchedJson implements ExceptionMapper<MismatchedInputException> {
    @Override
    public Response toResponse(MismatchedInputException mismatched) {
      return refusal(Refusals.json(mismatched));
    }
  }

  /**
   * Bean Validation's verdict on the arguments: a 400 naming the first field. A violation of the
   * answer is ours to fix, not the client's: 500.
   */
  @Priority(PRIORITY)
  public static final class Violations implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException violations) {
      List<ConstraintViolation<?>> all = List.copyOf(violations.getConstraintViolations());
      if (all.stream().anyMatch(Violations::ofTheAnswer)) {
        return internalError(violations);
      }
      return refusal(Refusals.violations(all));
    }

    private static boolean ofTheAnswer(ConstraintViolation<?> violation) {
      for (Path.Node node : violation.getPropertyPath()) {
        if (node.getKind() == ElementKind.RETURN_VALUE) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Any other answer the runtime chose (406, say), in the service's format; a runtime that wraps
   * a Jackson failure in one gets it worded as {@link UnreadableJson} would.
   */
  @Priority(PRIORITY)
  public static final class OtherHttp implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      if (e.getCause() instanceof JsonProcessingException unreadable) {
        return refusal(Refusals.json(unreadable));
      }
      if (e.getCause() instanceof CsbsRequestException refused) {
        return refusal(refused);
      }
      if (e.getCause() instanceof GatewayRefusal refused) {
        return gateway(refused.error());
      }
      if (e.getCause() instanceof StoreUnavailableException unavailable) {
        return unavailable(unavailable);
      }
      int status = e.getResponse().getStatus();
      if (status >= 500) {
        return internalError(e);
      }
      Response.StatusType reason = Response.Status.fromStatusCode(status);
      return refusal(new CsbsRequestException(status, ErrorCode.PARAMETER_INVALID,
          "request: " + (reason == null ? "refused" : reason.getReasonPhrase().toLowerCase(Locale.ROOT))));
    }
  }

  /** Anything else is our fault: logged, and a 500 without details. */
  @Priority(PRIORITY)
  public static final class Unexpected implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable failure) {
      if (failure instanceof GatewayRefusal refused) {
        return gateway(refused.error());
      }
      if (failure instanceof CsbsRequestException refused) {
        return refusal(refused);
      }
      // Runtimes that wrap what a resource throws (CDI interceptors, reactive adapters).
      if (failure.getCause() instanceof StoreUnavailableException unavailable) {
        return unavailable(unavailable);
      }
      return internalError(failure);
    }
  }
}
