package io.github.csbscontract.catalog;

import io.github.csbscontract.core.Contract;
import io.github.csbscontract.rules.Backup;
import io.github.csbscontract.rules.Server;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a catalog file (format: {@code catalog.schema.json} beside this class) and checks what a
 * schema cannot: unique IDs, references to known projects, unique tokens.
 */
// Past 200 lines because a broken file must be explained in the file's own terms: the JSON path,
// line and column, and Jackson's problems reworded without Java class names (the admin API
// passes them to remote callers); the reading itself is a few lines.
public final class CatalogLoader {

  /** The bundled demo catalog, used when no file is given. */
  public static final String DEMO_RESOURCE = "io/github/csbscontract/catalog/demo-catalog.json";

  private static final Pattern PROJECT_ID = Pattern.compile(Contract.PROJECT_ID_PATTERN);
  /** What the schema allows in a token: visible ASCII, as an HTTP header value can carry it. */
  private static final Pattern TOKEN_CHARACTERS = Pattern.compile("[\\x21-\\x7e]+");
  private static final Pattern UUID =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  /** Parses to a tree only ({@link CatalogJson} reads it): no coercion to guess about. */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private CatalogLoader() {}

  public static Catalog demo() {
    try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEMO_RESOURCE + " is missing from the jar");
      }
      return read(in, "demo catalog (" + DEMO_RESOURCE + ")");
    } catch (IOException e) {
      throw new CatalogException("demo catalog: cannot be read: " + e.getMessage(), e);
    }
  }

  public static Catalog load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (CatalogException e) {
      throw e;
    } catch (IOException e) {
      throw new CatalogException("catalog file " + file + ": cannot be read: " + e, e);
    }
  }

  /** A catalog sent as JSON (the admin API's {@code PUT /_csbs/catalog}); {@code name} names it in errors. */
  public static Catalog parse(byte[] json, String name) {
    return read(new java.io.ByteArrayInputStream(json), name);
  }

  static Catalog read(InputStream in, String name) {
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new CatalogException("catalog file " + name + ": cannot be read: " + e, e);
    }
    String what = "catalog file " + name;
    // JSON is UTF-8 (RFC 8259); Jackson would also take UTF-16 and UTF-32, whose bytes hold NULs,
    // which UTF-8 JSON cannot (a NUL in a string is written as an escape).
    for (byte b : bytes) {
      if (b == 0) {
        throw new CatalogException(what + ": must be UTF-8 text (this looks like UTF-16 or UTF-32)", null);
      }
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new CatalogException(what + ": " + place(e) + ": " + problem(e), e);
    } catch (IOException e) {
      throw new CatalogException(what + ": cannot be read: " + e, e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new CatalogException(what + ": $: empty, must be an object", null);
    }
    CatalogFile file;
    try {
      file = CatalogJson.read(tree);
    } catch (CatalogJson.Refused refused) {
      String message = refused.getMessage();
      int colon = message.indexOf(": ");
      throw new CatalogException(what + ": " + message.substring(0, colon) + CatalogJson.place(bytes, refused)
          + message.substring(colon), null);
    }
    return checked(file, what);
  }

  /** The catalog, once it passes the checks a schema cannot make; {@code what} names it in errors. */
  static Catalog checked(CatalogFile file, String what) {
    List<String> problems = problems(file);
    if (!problems.isEmpty()) {
      throw new CatalogException(what + ": " + String.join("; ", problems), null);
    }
    return new Catalog(file.projects(), file.servers(), file.backups());
  }

  /**
   * The problem in the catalog's terms: Jackson's own messages name Java classes and feature
   * switches, which mean nothing to whoever wrote the JSON (and must not reach an admin API's
   * caller).
   */
  private static String problem(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message.startsWith("Missing creator property")) {
      return "missing field";
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field \"" + unknown.getPropertyName() + "\"";
    }
    if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
      String value = String.valueOf(invalid.getValue());
      return "\"" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "\" is not one of "
          + Arrays.stream(invalid.getTargetType().getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }
    if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
      return "must be " + jsonKind(mismatched.getTargetType());
    }
    return message.replaceAll("`[^`]*`", "a value").replaceAll(" ?\\(class [^)]*\\)", "");
  }

  private static String jsonKind(Class<?> type) {
    if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    return "an object";
  }

  private static String place(JsonProcessingException e) {
    String where = e.getLocation() == null ? "" :
        "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String path = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("", "$", ""));
      return where.isEmpty() ? path : path + " (" + where + ")";
    }
    return where.isEmpty() ? "$" : where;
  }

  private static List<String> problems(CatalogFile file) {
    List<String> problems = new ArrayList<>();
    Set<String> projectIds = new HashSet<>();
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < file.projects().size(); i++) {
      Project project = file.projects().get(i);
      String at = "$.projects[" + i + "]";
      check(problems, PROJECT_ID.matcher(project.id()).matches(), at + ".id: must be 32 lowercase hex characters");
      check(problems, projectIds.add(project.id()), at + ".id: duplicate project " + project.id());
      check(problems, !project.tokens().isEmpty(), at + ".tokens: must hold at least one token");
      for (int t = 0; t < project.tokens().size(); t++) {
        String token = project.tokens().get(t);
        check(problems, token.length() >= 8 && token.length() <= 4096,
            at + ".tokens[" + t + "]: must be 8 to 4096 characters");
        check(problems, TOKEN_CHARACTERS.matcher(token).matches(),
            at + ".tokens[" + t + "]: must be visible ASCII characters only (no spaces, no line breaks): "
                + "an X-Auth-Token header cannot carry others");
        check(problems, tokens.add(token), at + ".tokens[" + t + "]: token already belongs to another project");
      }
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < file.servers().size(); i++) {
      Server server = file.servers().get(i);
      String at = "$.servers[" + i + "]";
      checkId(problems, ids, at, server.id());
      check(problems, projectIds.contains(server.projectId()), at + ".project_id: unknown project " + server.projectId());
      check(problems, server.type().length() >= 1 && server.type().length() <= 64, at + ".type: must be 1 to 64 characters");
      check(problems, !server.availabilityZone().isEmpty(), at + ".availability_zone: must not be empty");
      for (int v = 0; v < server.volumes().size(); v++) {
        Server.Volume volume = server.volumes().get(v);
        checkId(problems, ids, at + ".volumes[" + v + "]", volume.id());
        check(problems, volume.sizeGb() > 0, at + ".volumes[" + v + "].size_gb: must be positive");
      }
    }
    for (int i = 0; i < file.backups().size(); i++) {
      Backup backup = file.backups().get(i);
      String at = "$.backups[" + i + "]";
      checkId(problems, ids, at, backup.id());
      check(problems, projectIds.contains(backup.projectId()), at + ".project_id: unknown project " + backup.projectId());
      check(problems, UUID.matcher(backup.resourceId()).matches(), at + ".resource_id: must be a lowercase UUID");
      check(problems, backup.resourceType().length() >= 1 && backup.resourceType().length() <= 64,
          at + ".resource_type: must be 1 to 64 characters");
      check(problems, !backup.availabilityZone().isEmpty(), at + ".availability_zone: must not be empty");
      for (int v = 0; v < backup.volumeBackups().size(); v++) {
        check(problems, UUID.matcher(backup.volumeBackups().get(v).sourceVolumeId()).matches(),
            at + ".volume_backups[" + v + "].source_volume_id: must be a lowercase UUID");
      }
      for (int v = 0; v < backup.volumeBackups().size(); v++) {
        Backup.VolumeBackup volumeBackup = backup.volumeBackups().get(v);
        checkId(problems, ids, at + ".volume_backups[" + v + "]", volumeBackup.id());
        check(problems, volumeBackup.sizeGb() > 0, at + ".volume_backups[" + v + "].size_gb: must be positive");
      }
    }
    return problems;
  }

  private static void checkId(List<String> problems, Set<String> ids, String at, String id) {
    check(problems, UUID.matcher(id).matches(), at + ".id: must be a lowercase UUID");
    check(problems, ids.add(id), at + ".id: duplicate ID " + id);
  }

  private static void check(List<String> problems, boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }

  record CatalogFile(List<Project> projects, List<Server> servers, List<Backup> backups) {}
}
