package ${package};

import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.catalog.Project;
import io.github.csbscontract.tests.FixtureLoader;

/**
 * Writes the contract cases' data into your store, the way your own data gets there. When you
 * replace {@link InMemoryInventory} with your database, write these into its tables instead:
 * the cases then run through your queries and your mapping code.
 */
final class InMemoryFixtures implements FixtureLoader {

  private final InMemoryInventory store;

  InMemoryFixtures(InMemoryInventory store) {
    this.store = store;
  }

  @Override
  public void load(Catalog catalog) {
    for (Project project : catalog.projects()) {
      project.tokens().forEach(token -> store.addToken(token, project.id(), project.verified()));
    }
    catalog.servers().forEach(store::add);
    catalog.backups().forEach(store::add);
  }

  @Override
  public void clear() {
    store.clear();
  }
}
