package io.github.csbscontract.tests;

import java.util.List;

/** The one list of cases every runner reads. */
final class Cases {

  static final List<ContractCase> ALL = ContractCases.all();

  private Cases() {}

  static List<ContractCase> all() {
    return ALL;
  }

  /** The cases a server can be made to answer: all but the replay-only ones. */
  static List<ContractCase> provokable() {
    return ALL.stream().filter(c -> !c.replayOnly()).toList();
  }
}
