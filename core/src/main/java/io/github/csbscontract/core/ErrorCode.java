package io.github.csbscontract.core;

import java.util.Arrays;

/**
 * Every code the service answers with, in one place: the API gateway's in front of it
 * ({@link Where#GATEWAY}), the service's for a request refused as a whole ({@link Where#REQUEST})
 * and the service's for one item's result inside a 200 answer ({@link Where#ITEM}), each with its
 * message template. The spec's error catalog ({@code errors.yaml}) lists each, and the tests hold
 * the two to each other.
 */
// In core, not in the service module: the rules (item codes) and the service core (request and
// gateway codes) both use it, and core is the one module below both, so no package loop.
public enum ErrorCode {

  TOKEN_MISSING(Where.GATEWAY, 401, "APIG.0301", "Incorrect IAM authentication information: x-auth-token not found"),
  TOKEN_INVALID(Where.GATEWAY, 401, "APIG.0301", "Incorrect IAM authentication information: decrypt token fail"),
  /** Which of two tokens would count is a guess an attacker could exploit: neither does. */
  TOKEN_REPEATED(Where.GATEWAY, 401, "APIG.0301",
      "Incorrect IAM authentication information: more than one x-auth-token"),
  /** A valid token on another project's path: the contract's choice (errors.yaml says why). */
  PROJECT_NOT_AUTHORIZED(Where.GATEWAY, 403, "APIG.0302", "The IAM user is not authorized to access the API."),
  API_NOT_FOUND(Where.GATEWAY, 404, "APIG.0101",
      "The API does not exist or has not been published in the environment."),
  /** Another method on the operation's path: the gateway identifies an API by method and path. */
  METHOD_NOT_FOUND(Where.GATEWAY, 404, "APIG.0101", "The API does not exist."),
  ENTITY_TOO_LARGE(Where.GATEWAY, 413, "APIG.0201", "Request entity too large."),
  HEADERS_TOO_LARGE(Where.GATEWAY, 400, "APIG.0201", "API request error: request header fields too large."),
  /** The HTTP message itself refused (framing, version, timeouts); %s says what, the status varies. */
  REQUEST_ERROR(Where.GATEWAY, 400, "APIG.0201", "API request error: %s"),
  THROTTLED(Where.GATEWAY, 429, "APIG.0308", "The throttling threshold has been reached."),

  /** Any parameter error; %s names the field. Also the admin API's 403 and 409 (its choice). */
  PARAMETER_INVALID(Where.REQUEST, 400, "CSBS.9001", "%s"),
  PROVIDER_INVALID(Where.REQUEST, 400, "CSBS.9001", "provider invalid"),
  UNSUPPORTED_MEDIA_TYPE(Where.REQUEST, 415, "CSBS.9001", "Content-Type must be application/json"),
  USER_UNVERIFIED(Where.REQUEST, 403, "CSBS.9009", "User is unverified."),
  INTERNAL(Where.REQUEST, 500, "CSBS.9999", "%s failed"),
  /** The contract's own code for 503 (errors.yaml says why). */
  SERVICE_UNAVAILABLE(Where.REQUEST, 503, "CSBS.0503", "Service unavailable."),

  CHECKPOINT_ITEM_NOT_FOUND(Where.ITEM, 200, "CSBS.3001", "Checkpoint_item (%s) is not found."),
  ITEM_EXECUTING(Where.ITEM, 200, "CSBS.2003", "item in executing"),
  CHECKPOINT_ITEM_NOT_AVAILABLE(Where.ITEM, 200, "CSBS.4000", "checkpoint item not available"),
  SERVER_NOT_FOUND(Where.ITEM, 200, "CSBS.6000", "server do not exist"),
  TYPE_NOT_PROTECTABLE(Where.ITEM, 200, "CSBS.6003", "Resource (%s) type (%s) is not support protection."),
  STATUS_NOT_PROTECTABLE(Where.ITEM, 200, "CSBS.6006", "Server (%s) status (%s) is not allowed to protect."),
  NO_VOLUME_TO_PROTECT(Where.ITEM, 200, "CSBS.6007", "No volume attached to the server (%s) for protect."),
  SHAREABLE_VOLUME_NOT_PROTECTABLE(Where.ITEM, 200, "CSBS.6010",
      "Volume (%s) attached to server (%s) is shareable volume."),
  TYPE_NOT_RESTORABLE(Where.ITEM, 200, "CSBS.6013", "Resource (%s) type (%s) is not support restoration."),
  VOLUMES_NOT_IN_TARGET(Where.ITEM, 200, "CSBS.6014", "Volume(s) (%s) not found in target server."),
  SERVER_RESTORING(Where.ITEM, 200, "CSBS.6015", "The server is restoring."),
  SERVER_TYPE_NOT_ALLOWED(Where.ITEM, 200, "CSBS.6016", "can not restore server type is not allow"),
  BACKUPS_NOT_IN_ITEM(Where.ITEM, 200, "CSBS.6017", "Can not find backup(s) (%s) in checkpoint item (%s)."),
  PARTIAL_RESTORE(Where.ITEM, 200, "CSBS.6018",
      "Not assign backup(s) (%s) to volume(s), partial restore is not supported."),
  SERVER_TYPES_DIFFER(Where.ITEM, 200, "CSBS.6019",
      "The source server (%s) type (%s) is not the same as the target server (%s) type (%s)."),
  NO_VOLUME_TO_RESTORE(Where.ITEM, 200, "CSBS.6020", "No volume attached to the server (%s) for restore."),
  SHAREABLE_TARGET_VOLUME(Where.ITEM, 200, "CSBS.6021", "Volume (%s) attached to server (%s) is shareable volume."),
  DATA_TO_SYSTEM_VOLUME(Where.ITEM, 200, "CSBS.6023",
      "Can not restore data volume to system volume. server id is (%s)."),
  TARGET_VOLUME_TOO_SMALL(Where.ITEM, 200, "CSBS.6024",
      "Target volume (%s) size (%s) small than volume backup (%s) size (%s)."),
  AZ_MISMATCH(Where.ITEM, 200, "CSBS.6025",
      "The AZ of local checkpoint item (%s) is not support to restore the resource (%s).");

  /** Who answers with a code, which decides the body's shape. */
  public enum Where {
    /** The API gateway in front of the service; its bodies add {@code request_id}. */
    GATEWAY,
    /** The service, refusing the request as a whole. */
    REQUEST,
    /** One item's result ({@code result: false}) inside a 200 answer. */
    ITEM
  }

  private final Where where;
  private final int status;
  private final String code;
  private final String template;

  ErrorCode(Where where, int status, String code, String template) {
    this.where = where;
    this.status = status;
    this.code = code;
    this.template = template;
  }

  public Where where() {
    return where;
  }

  /**
   * The HTTP status it is usually answered with (200 for an item's code); a server may answer a
   * code with another where the catalog says so ({@link #REQUEST_ERROR}, the admin API's).
   */
  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The message template, {@code %s} for each argument. */
  public String template() {
    return template;
  }

  /** The message with its arguments filled in, made safe for {@code error_msg}. */
  public String message(Object... args) {
    return ErrorMessages.clean(args.length == 0 ? template
        : String.format(template, Arrays.copyOf(args, args.length, Object[].class)));
  }
}
