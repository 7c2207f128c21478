package io.github.csbscontract.rules;

import static io.github.csbscontract.rules.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.server.model.ProtectableParam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProtectRuleTest {

  private static ProtectableParam item(String type) {
    return new ProtectableParam().resourceId(SERVER_ID).resourceType(type);
  }

  @Test
  void aSteadyServerWithOwnDisksPassesEveryRule() {
    for (ProtectRule rule : ProtectRule.values()) {
      assertThat(rule.check(item(ECS), server())).as(rule.name()).isNull();
    }
  }

  @Test
  void typeProtectable() {
    assertThat(ProtectRule.TYPE_PROTECTABLE.check(item("OS::Cinder::Volume"), server()))
        .isEqualTo(new CheckFailure("CSBS.6003", "Resource (" + SERVER_ID + ") type (OS::Cinder::Volume) is not support protection."));
  }

  @Test
  void serverExists() {
    assertThat(ProtectRule.SERVER_EXISTS.check(item(ECS), null)).isEqualTo(new CheckFailure("CSBS.6000", "server do not exist"));
  }

  @ParameterizedTest
  @EnumSource(value = ServerStatus.class, names = {"ACTIVE", "SHUTOFF"}, mode = EnumSource.Mode.EXCLUDE)
  void serverSteady(ServerStatus status) {
    var server = server(status, ECS, "eu-de-01", systemDisk(100, false));
    assertThat(ProtectRule.SERVER_STEADY.check(item(ECS), server)).isEqualTo(
        new CheckFailure("CSBS.6006", "Server (" + SERVER_ID + ") status (" + status + ") is not allowed to protect."));
  }

  @Test
  void serverHasVolumes() {
    assertThat(ProtectRule.SERVER_HAS_VOLUMES.check(item(ECS), server(ServerStatus.ACTIVE, ECS, "eu-de-01")))
        .isEqualTo(new CheckFailure("CSBS.6007", "No volume attached to the server (" + SERVER_ID + ") for protect."));
  }

  @Test
  void noShareableVolume() {
    var server = server(ServerStatus.ACTIVE, ECS, "eu-de-01", systemDisk(100, false), dataDisk(100, true));
    assertThat(ProtectRule.NO_SHAREABLE_VOLUME.check(item(ECS), server)).isEqualTo(
        new CheckFailure("CSBS.6010", "Volume (" + DATA_DISK + ") attached to server (" + SERVER_ID + ") is shareable volume."));
  }

  @Test
  void theFirstFailingRuleDecides() {
    var faultyWithoutDisks = server(ServerStatus.ERROR, ECS, "eu-de-01");
    assertThat(ProtectRule.firstFailure(item(ECS), faultyWithoutDisks).errorCode()).isEqualTo("CSBS.6006");
  }
}
