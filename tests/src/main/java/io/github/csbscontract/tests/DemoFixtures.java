package io.github.csbscontract.tests;

import io.github.csbscontract.catalog.DemoCatalog;

/**
 * The one place that touches {@code csbs-restore-check-catalog}: a test class without a
 * {@link FixtureLoader} never loads this class, so its build needs no catalog.
 */
final class DemoFixtures {

  private DemoFixtures() {}

  /** Empties the store, then loads the demo catalog into it. */
  static void loadInto(FixtureLoader fixtures) {
    try {
      fixtures.clear();
      fixtures.load(DemoCatalog.load());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the FixtureLoader failed to load the demo catalog: " + e, e);
    }
  }
}
