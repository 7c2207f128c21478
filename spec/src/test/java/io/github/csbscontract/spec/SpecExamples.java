package io.github.csbscontract.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every example of a spec: request examples against the operation (path, headers and
 * body), response examples against their status and schema, parameter and schema examples
 * against their schemas. Each problem names the example.
 */
final class SpecExamples {

  private final OpenAPI model;
  private final OpenApiInteractionValidator validator;
  private final SchemaValidator schemaValidator;
  private final List<String> problems = new ArrayList<>();

  private SpecExamples(String specText) {
    this.model = SpecContract.parse(specText);
    this.validator = SpecContract.validatorFor(specText);
    this.schemaValidator = new SchemaValidator(model, new MessageResolver());
  }

  static List<String> problems(String specText) {
    SpecExamples examples = new SpecExamples(specText);
    examples.checkAll();
    return examples.problems;
  }

  private void checkAll() {
    model.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, op) -> {
      String path = concretePath(template, op);
      if (op.getRequestBody() != null) {
        examplesOf(op.getRequestBody().getContent().get("application/json")).forEach((name, body) -> {
          report("request example " + name, SpecContract.messages(validator.validateRequest(
              SpecContract.request(method.name(), path,
                  Map.of("Content-Type", "application/json", "X-Auth-Token", "example-token"), body))));
          report("request example " + name, SpecContract.uniqueItemPropertyProblems(model, body));
        });
      }
      op.getResponses().forEach((status, response) -> {
        if (response.getContent() == null) {
          return;
        }
        examplesOf(response.getContent().get("application/json")).forEach((name, body) ->
            report("response " + status + " example " + name, SpecContract.messages(
                validator.validateResponse(path, Request.Method.valueOf(method.name()),
                    SimpleResponse.Builder.status(Integer.parseInt(status))
                        .withContentType("application/json").withBody(body).build()))));
      });
    }));
    model.getComponents().getSchemas().forEach((name, schema) -> checkSchemaExamples(name, schema, 0));
  }

  private String concretePath(String template, Operation op) {
    String path = template;
    for (Parameter parameter : op.getParameters()) {
      if ("path".equals(parameter.getIn())) {
        report("parameter " + parameter.getName() + " example",
            validate(parameter.getExample(), parameter.getSchema()));
        path = path.replace("{" + parameter.getName() + "}", String.valueOf(parameter.getExample()));
      }
    }
    return path;
  }

  private void checkSchemaExamples(String where, Schema<?> schema, int depth) {
    if (schema == null || depth > 8) {
      return;
    }
    if (schema.getExample() != null) {
      report("schema " + where + " example", validate(schema.getExample(), schema));
    }
    if (schema.getProperties() != null) {
      schema.getProperties().forEach((name, property) -> {
        if (property.getDescription() == null || property.getDescription().isBlank()) {
          problems.add("schema " + where + "." + name + ": no description");
        }
        if (property.getExample() == null && property.get$ref() == null && !"object".equals(property.getType())) {
          problems.add("schema " + where + "." + name + ": no example");
        }
        checkSchemaExamples(where + "." + name, property, depth + 1);
      });
    }
    if (schema.getItems() != null) {
      checkSchemaExamples(where + "[]", schema.getItems(), depth + 1);
    }
  }

  private List<String> validate(Object example, Schema<?> schema) {
    if (example == null) {
      return List.of("missing example");
    }
    // The schema validator takes a string value as it is and anything else as JSON text.
    String value = example instanceof String text ? text : json(example);
    return SpecContract.messages(schemaValidator.validate(value, schema, "example"));
  }

  private Map<String, String> examplesOf(MediaType media) {
    Map<String, String> bodies = new LinkedHashMap<>();
    if (media == null) {
      return bodies;
    }
    if (media.getExample() != null) {
      bodies.put("(example)", json(media.getExample()));
    }
    if (media.getExamples() != null) {
      for (Map.Entry<String, Example> e : media.getExamples().entrySet()) {
        bodies.put(e.getKey(), json(resolve(e.getValue()).getValue()));
      }
    }
    return bodies;
  }

  /** The example a {@code $ref} names (the parser leaves request examples' references as they are). */
  private Example resolve(Example example) {
    String ref = example.get$ref();
    if (ref == null) {
      return example;
    }
    Example target = model.getComponents().getExamples().get(ref.substring(ref.lastIndexOf('/') + 1));
    if (target == null) {
      throw new IllegalStateException("example " + ref + " does not exist");
    }
    return target;
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException("example cannot be written as JSON", e);
    }
  }

  private void report(String where, List<String> messages) {
    messages.forEach(m -> problems.add(where + ": " + m));
  }
}
