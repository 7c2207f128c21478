package io.github.csbscontract.catalog;

/**
 * The demo catalog every contract case that needs one expects: two projects with their tokens,
 * an unverified project, and a server or backup for every failure code. A {@link Catalog} is an
 * {@code Inventory} and a {@code TokenLookup}, so any runtime can answer from it:
 *
 * <pre>{@code
 * Catalog demo = DemoCatalog.load();
 * new ResourceConfig().register(new CapabilityResource(demo)).register(new CsbsFeature(demo));
 * }</pre>
 */
public final class DemoCatalog {

  /** Demo project A, which most cases ask about. */
  public static final String PROJECT_A = "0605767ab000d4c12f3bc0033d9d5d06";
  /** A token of project A. */
  public static final String TOKEN_A = "demo-token-project-a";
  /** A token of demo project B: another project's token for project A's requests. */
  public static final String TOKEN_B = "demo-token-project-b";

  private DemoCatalog() {}

  /** The bundled demo catalog ({@code demo-catalog.json} beside this class). */
  public static Catalog load() {
    return CatalogLoader.demo();
  }
}
