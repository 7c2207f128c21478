package io.github.csbscontract.tests;

import io.github.csbscontract.catalog.Catalog;

/**
 * Puts the contract cases' data into your own store, so that every case runs through your
 * {@code Inventory}, your mapping code and your runtime. Return one from
 * {@link ConformanceTests#fixtures()}: before the cases run, it is asked to {@link #clear()} the
 * store and then to {@link #load(Catalog)} the demo catalog ({@code csbs-restore-check-catalog},
 * which your test classpath then needs).
 *
 * <pre>{@code
 * public void load(Catalog catalog) throws SQLException {
 *   for (Project project : catalog.projects()) { ... insert it and each of project.tokens() ... }
 *   for (Server server : catalog.servers()) { ... insert it and its volumes() ... }
 *   for (Backup backup : catalog.backups()) { ... insert it and its volumeBackups() ... }
 * }
 * }</pre>
 */
public interface FixtureLoader {

  /**
   * Stores every project (with its tokens and whether its user is verified), server and backup
   * of the catalog, as your service will read them.
   */
  void load(Catalog catalog) throws Exception;

  /** Removes what {@link #load(Catalog)} stored, so that a load starts from an empty store. */
  void clear() throws Exception;
}
