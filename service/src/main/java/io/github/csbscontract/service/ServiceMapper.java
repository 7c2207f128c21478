package io.github.csbscontract.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.github.csbscontract.server.model.ProtectableParam;
import io.github.csbscontract.server.model.RestorableParam;
import io.github.csbscontract.server.model.RestorableTarget;
import io.github.csbscontract.server.model.RestoreVolumeMapping;
import java.util.List;

/**
 * Jackson as the spec wants it, to read requests and write answers with: strict types (no "1"
 * for 1 or 1 for "1", no null items), duplicate keys refused, unknown fields refused at the top
 * level but ignored inside items, and no {@code null} fields in answers. Plain Jackson: the
 * reference server uses it directly, and a JAX-RS runtime gets it through the adapter's
 * {@code ServiceJson}; without it a runtime's own defaults decide, and some bad bodies pass.
 */
public final class ServiceMapper {

  private static final ObjectMapper MAPPER = createMapper();

  private ServiceMapper() {}

  /** The mapper; shared and thread-safe, not to be reconfigured. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper createMapper() {
    JsonMapper mapper = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .addMixIn(RestorableParam.class, TolerantItem.class)
        .addMixIn(RestorableTarget.class, TolerantItem.class)
        .addMixIn(RestoreVolumeMapping.class, TolerantItem.class)
        .addMixIn(ProtectableParam.class, TolerantItem.class)
        .build();
    // A null list, or a null where an item belongs, is a type error named by Jackson with its
    // path (an absent list stays absent, for Bean Validation to judge).
    mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL));
    // Scalars of the wrong JSON type are type errors, not values to convert.
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /** The spec lets clients send fields of newer versions inside items. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private abstract static class TolerantItem {}
}
