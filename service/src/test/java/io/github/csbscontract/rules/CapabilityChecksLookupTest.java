package io.github.csbscontract.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csbscontract.server.model.CheckResp;
import io.github.csbscontract.server.model.ProtectableParam;
import io.github.csbscontract.server.model.RestorableParam;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the checks ask an inventory: once per request, whatever the number of items. */
class CapabilityChecksLookupTest {

  /** Counts how it is asked; answers from one backup and one server. */
  static class CountingInventory implements Inventory {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final boolean bulk;

    CountingInventory(boolean bulk) {
      this.bulk = bulk;
    }

    @Override
    public Optional<Backup> backup(String projectId, String checkpointItemId) {
      calls.add("backup " + checkpointItemId);
      return Fixtures.BACKUP_ID.equals(checkpointItemId) && Fixtures.PROJECT.equals(projectId)
          ? Optional.of(Fixtures.backup()) : Optional.empty();
    }

    @Override
    public Optional<Server> server(String projectId, String serverId) {
      calls.add("server " + serverId);
      return Fixtures.SERVER_ID.equals(serverId) && Fixtures.PROJECT.equals(projectId)
          ? Optional.of(Fixtures.server()) : Optional.empty();
    }

    @Override
    public Found find(String projectId, Set<String> backupIds, Set<String> serverIds) {
      if (!bulk) {
        return Inventory.super.find(projectId, backupIds, serverIds);
      }
      calls.add("find " + backupIds.size() + " backups, " + serverIds.size() + " servers");
      return new Found(backupIds.contains(Fixtures.BACKUP_ID) ? Map.of(Fixtures.BACKUP_ID, Fixtures.backup()) : Map.of(),
          serverIds.contains(Fixtures.SERVER_ID) ? Map.of(Fixtures.SERVER_ID, Fixtures.server()) : Map.of());
    }
  }

  private static List<RestorableParam> hundredItems() {
    List<RestorableParam> items = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      items.add(Fixtures.wholeRestore());
    }
    return items;
  }

  @Test
  void aHundredItemsAreOneLookupOfEachDistinctId() {
    CountingInventory inventory = new CountingInventory(true);

    List<CheckResp> results = new CapabilityChecks(inventory).checkRestorable(Fixtures.PROJECT, hundredItems());

    assertThat(inventory.calls).containsExactly("find 1 backups, 1 servers");
    assertThat(results).hasSize(100).allSatisfy(r -> assertThat(r.getResult()).isTrue());
  }

  @Test
  void withoutABulkLookupTheDefaultAsksOncePerDistinctId() {
    CountingInventory inventory = new CountingInventory(false);

    new CapabilityChecks(inventory).checkRestorable(Fixtures.PROJECT, hundredItems());

    assertThat(inventory.calls).containsExactlyInAnyOrder("backup " + Fixtures.BACKUP_ID, "server " + Fixtures.SERVER_ID);
  }

  @Test
  void protectAsksForTheServersOnly() {
    CountingInventory inventory = new CountingInventory(true);
    List<ProtectableParam> items = List.of(
        new ProtectableParam().resourceId(Fixtures.SERVER_ID).resourceType(Fixtures.ECS),
        new ProtectableParam().resourceId("ffffffff-0000-4000-8000-000000000000").resourceType(Fixtures.ECS));

    List<CheckResp> results = new CapabilityChecks(inventory).checkProtectable(Fixtures.PROJECT, items);

    assertThat(inventory.calls).containsExactly("find 0 backups, 2 servers");
    assertThat(results).extracting(CheckResp::getResult).containsExactly(true, false);
    assertThat(results.get(1).getErrorCode()).isEqualTo("CSBS.6000");
  }

  @Test
  void whatABulkLookupReturnsOfAnotherProjectDoesNotExist() {
    Inventory careless = new Inventory() {
      @Override
      public Optional<Backup> backup(String projectId, String id) {
        return Optional.of(Fixtures.backup());
      }

      @Override
      public Optional<Server> server(String projectId, String id) {
        return Optional.of(Fixtures.server());
      }
    };

    List<CheckResp> results = new CapabilityChecks(careless)
        .checkRestorable("ffffffffffffffffffffffffffffffff", List.of(Fixtures.wholeRestore()));

    assertThat(results.get(0).getErrorCode()).isEqualTo("CSBS.3001");
  }

  @Test
  void anUnavailableStoreIsRaisedAsItIs() {
    Inventory down = new CountingInventory(false) {
      @Override
      public Optional<Backup> backup(String projectId, String checkpointItemId) {
        throw new StoreUnavailableException("database down", null);
      }
    };

    assertThatThrownBy(() -> new CapabilityChecks(down).checkRestorable(Fixtures.PROJECT, hundredItems()))
        .isInstanceOf(StoreUnavailableException.class)
        .satisfies(e -> assertThat(((StoreUnavailableException) e).retryAfter()).hasSeconds(1));
  }
}
