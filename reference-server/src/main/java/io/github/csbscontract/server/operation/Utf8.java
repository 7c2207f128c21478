package io.github.csbscontract.server.operation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 (RFC 3629): Jackson decodes an overlong form such as {@code C0 B8} as the character
 * it spells ('8'), so a body could name an ID in bytes no UTF-8 encoder writes. Checked before
 * the body is parsed; ASCII, almost every body, is passed eight bytes at a time.
 */
final class Utf8 {

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8() {}

  /** The offset of the first byte that is not well-formed UTF-8, or -1 when all are. */
  static int firstMalformed(byte[] bytes, int length) {
    int i = 0;
    while (i < length) {
      if (i + 8 <= length && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
        i += 8;
        continue;
      }
      int lead = bytes[i] & 0xff;
      if (lead < 0x80) {
        i++;
        continue;
      }
      int size;
      int min = 0x80;
      int max = 0xbf;
      if (lead >= 0xc2 && lead <= 0xdf) {
        size = 2;
      } else if (lead >= 0xe0 && lead <= 0xef) {
        size = 3;
        min = lead == 0xe0 ? 0xa0 : 0x80; // no overlong forms
        max = lead == 0xed ? 0x9f : 0xbf; // no surrogates
      } else if (lead >= 0xf0 && lead <= 0xf4) {
        size = 4;
        min = lead == 0xf0 ? 0x90 : 0x80; // no overlong forms
        max = lead == 0xf4 ? 0x8f : 0xbf; // nothing past U+10FFFF
      } else {
        return i; // C0, C1 (overlong), F5-FF, or a continuation byte without a lead
      }
      if (i + size > length) {
        return i;
      }
      int second = bytes[i + 1] & 0xff;
      if (second < min || second > max) {
        return i;
      }
      for (int k = 2; k < size; k++) {
        if ((bytes[i + k] & 0xc0) != 0x80) {
          return i;
        }
      }
      i += size;
    }
    return -1;
  }
}
