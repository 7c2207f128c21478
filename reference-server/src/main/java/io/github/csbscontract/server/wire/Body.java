package io.github.csbscontract.server.wire;

/** A request's body as received: {@code bytes[0..length)}. */
public record Body(byte[] bytes, int length) {}
