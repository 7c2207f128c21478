package io.github.csbscontract.catalog;

/** A catalog file that cannot be used; the message names the file, the place and the problem. */
public final class CatalogException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
