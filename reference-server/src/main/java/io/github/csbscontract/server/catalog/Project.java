package io.github.csbscontract.server.catalog;

import java.util.List;

/** A project (tenant) and the IAM tokens scoped to it. */
public record Project(String id, String name, List<String> tokens) {

  public Project {
    tokens = List.copyOf(tokens);
  }

  @Override
  public String toString() {
    return "Project[id=" + id + ", name=" + name + ", tokens=" + tokens.size() + " hidden]";
  }
}
