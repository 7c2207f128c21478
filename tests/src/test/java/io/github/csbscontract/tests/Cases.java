package io.github.csbscontract.tests;

import java.util.List;

/** The one list of cases every runner reads. */
final class Cases {

  static final List<ContractCase> ALL = ContractCases.all();

  private Cases() {}

  static List<ContractCase> all() {
    return ALL;
  }
}
