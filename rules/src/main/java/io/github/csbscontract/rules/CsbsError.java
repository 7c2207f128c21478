package io.github.csbscontract.rules;

import java.util.Arrays;

/**
 * The CSBS error codes this server answers, with the service's message templates (see
 * {@code csbs-facts.md}); the spec's error catalog ({@code errors.yaml}) lists each of them and
 * tests hold the two together. Messages are capped at 512 characters.
 */
public enum CsbsError {
  PARAMETER_INVALID("CSBS.9001", "%s"),
  PROVIDER_INVALID("CSBS.9001", "provider invalid"),
  UNSUPPORTED_MEDIA_TYPE("CSBS.9001", "Content-Type must be application/json"),
  USER_UNVERIFIED("CSBS.9009", "User is unverified."),
  CHECKPOINT_ITEM_NOT_FOUND("CSBS.3001", "Checkpoint_item (%s) is not found."),
  ITEM_EXECUTING("CSBS.2003", "item in executing"),
  CHECKPOINT_ITEM_NOT_AVAILABLE("CSBS.4000", "checkpoint item not available"),
  SERVER_NOT_FOUND("CSBS.6000", "server do not exist"),
  TYPE_NOT_PROTECTABLE("CSBS.6003", "Resource (%s) type (%s) is not support protection."),
  STATUS_NOT_PROTECTABLE("CSBS.6006", "Server (%s) status (%s) is not allowed to protect."),
  NO_VOLUME_TO_PROTECT("CSBS.6007", "No volume attached to the server (%s) for protect."),
  SHAREABLE_VOLUME_NOT_PROTECTABLE("CSBS.6010", "Volume (%s) attached to server (%s) is shareable volume."),
  TYPE_NOT_RESTORABLE("CSBS.6013", "Resource (%s) type (%s) is not support restoration."),
  VOLUMES_NOT_IN_TARGET("CSBS.6014", "Volume(s) (%s) not found in target server."),
  SERVER_RESTORING("CSBS.6015", "The server is restoring."),
  SERVER_TYPE_NOT_ALLOWED("CSBS.6016", "can not restore server type is not allow"),
  BACKUPS_NOT_IN_ITEM("CSBS.6017", "Can not find backup(s) (%s) in checkpoint item (%s)."),
  PARTIAL_RESTORE("CSBS.6018", "Not assign backup(s) (%s) to volume(s), partial restore is not supported."),
  SERVER_TYPES_DIFFER("CSBS.6019",
      "The source server (%s) type (%s) is not the same as the target server (%s) type (%s)."),
  NO_VOLUME_TO_RESTORE("CSBS.6020", "No volume attached to the server (%s) for restore."),
  SHAREABLE_TARGET_VOLUME("CSBS.6021", "Volume (%s) attached to server (%s) is shareable volume."),
  DATA_TO_SYSTEM_VOLUME("CSBS.6023", "Can not restore data volume to system volume. server id is (%s)."),
  TARGET_VOLUME_TOO_SMALL("CSBS.6024", "Target volume (%s) size (%s) small than volume backup (%s) size (%s)."),
  AZ_MISMATCH("CSBS.6025", "The AZ of local checkpoint item (%s) is not support to restore the resource (%s)."),
  INTERNAL("CSBS.9999", "%s failed");

  /**
   * The longest {@code error_msg} this server sends. The spec promises clients no limit (a real
   * service may send longer ones); the reference server keeps its own answers short.
   */
  public static final int MAX_MESSAGE_LENGTH = 512;

  private static final String CUT = "...";

  private final String code;
  private final String template;

  CsbsError(String code, String template) {
    this.code = code;
    this.template = template;
  }

  public String code() {
    return code;
  }

  /** The message with its arguments filled in, cut to the spec's limit. */
  public String message(Object... args) {
    return cap(String.format(template, Arrays.copyOf(args, args.length, Object[].class)));
  }

  /** Cuts text to {@link #MAX_MESSAGE_LENGTH} and replaces control characters with spaces. */
  public static String cap(String text) {
    StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_MESSAGE_LENGTH));
    for (int i = 0; i < text.length() && clean.length() < MAX_MESSAGE_LENGTH; i++) {
      char c = text.charAt(i);
      clean.append(c < 0x20 || c == 0x7f ? ' ' : c);
    }
    if (clean.length() == MAX_MESSAGE_LENGTH && text.length() > MAX_MESSAGE_LENGTH) {
      clean.setLength(MAX_MESSAGE_LENGTH - CUT.length());
      clean.append(CUT);
    }
    return clean.toString();
  }
}
