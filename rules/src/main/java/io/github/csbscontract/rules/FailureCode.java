package io.github.csbscontract.rules;

import io.github.csbscontract.core.ErrorMessages;
import java.util.Arrays;

/** The CSBS codes an item can fail with, with the service's message templates. */
public enum FailureCode {
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
  AZ_MISMATCH("CSBS.6025", "The AZ of local checkpoint item (%s) is not support to restore the resource (%s).");

  private final String code;
  private final String template;

  FailureCode(String code, String template) {
    this.code = code;
    this.template = template;
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
    return ErrorMessages.clean(String.format(template, Arrays.copyOf(args, args.length, Object[].class)));
  }
}
