package io.github.csbscontract.catalog;

import java.util.List;

/**
 * A project (tenant) and the IAM tokens scoped to it. Tokens of an unverified project's user are
 * refused with 403 {@code CSBS.9009} ("User is unverified."); projects are verified unless the
 * catalog says otherwise.
 */
public record Project(String id, String name, List<String> tokens, boolean verified) {

  public Project {
    tokens = List.copyOf(tokens);
  }

  /** A verified project. */
  public Project(String id, String name, List<String> tokens) {
    this(id, name, tokens, true);
  }

  @Override
  public String toString() {
    return "Project[id=" + id + ", name=" + name + ", tokens=" + tokens.size() + " hidden"
        + (verified ? "" : ", unverified") + "]";
  }
}
