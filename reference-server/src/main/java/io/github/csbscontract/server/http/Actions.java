package io.github.csbscontract.server.http;

import java.nio.charset.StandardCharsets;

/** Which action a body asks for, cheaply, before it is parsed: only to match faults. */
final class Actions {

  private static final byte[] RESTORABLE = "\"check_restorable\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PROTECTABLE = "\"check_protectable\"".getBytes(StandardCharsets.US_ASCII);

  private Actions() {}

  /** The first of the two action keys the body names, or null. */
  static String of(BodyReader.Body body) {
    int restorable = indexOf(body, RESTORABLE);
    int protectable = indexOf(body, PROTECTABLE);
    if (restorable < 0 && protectable < 0) {
      return null;
    }
    return protectable < 0 || restorable >= 0 && restorable < protectable ? "check_restorable" : "check_protectable";
  }

  private static int indexOf(BodyReader.Body body, byte[] key) {
    byte[] bytes = body.bytes();
    outer:
    for (int i = 0; i <= body.length() - key.length; i++) {
      for (int k = 0; k < key.length; k++) {
        if (bytes[i + k] != key[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
