package io.github.csbscontract.jaxrs;

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
import jakarta.annotation.Priority;
import jakarta.ws.rs.ext.ContextResolver;
import java.util.List;

/**
 * Jackson as the spec wants it, for the runtime to read requests and write answers with: strict
 * types (no "1" for 1 or 1 for "1", no null items), duplicate keys refused, unknown fields refused
 * at the top level but ignored inside items, and no {@code null} fields in answers. Registered by
 * {@link CsbsFeature}; without it a runtime's own defaults decide, and some bad bodies pass.
 *
 * <p>Its {@link Priority} makes it win over a resolver the runtime registers without one, as
 * Spring Boot's Jersey starter does with the application's {@code ObjectMapper}: Jersey asks
 * ranked resolvers first, and 1 is also the first by the JAX-RS rule (lower first).
 */
@Priority(ServiceJson.PRIORITY)
public final class ServiceJson implements ContextResolver<ObjectMapper> {

  /** Ahead of unranked resolvers under both Jersey's ranking (higher first) and JAX-RS's (lower first). */
  static final int PRIORITY = 1;

  private static final ObjectMapper MAPPER = createMapper();

  /** The mapper; shared and thread-safe, not to be reconfigured. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
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
