package io.github.csbscontract.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * JSON bodies for Retrofit, read defensively: a success body must be JSON, not empty, not larger
 * than any answer the spec allows (so a hostile 50 MB answer is cut off, not buffered), and hold
 * no more results than items were sent; an error body is read up to 64 KiB and no further.
 */
final class BoundedJsonConverterFactory extends Converter.Factory {

  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  /** 100 results of at most ~1 KiB each fit many times over. */
  static final long MAX_SUCCESS_BYTES = 4L * 1024 * 1024;
  static final long MAX_ERROR_BYTES = 64L * 1024;
  static final int SNIPPET_CHARS = 200;

  private final ObjectMapper mapper;

  BoundedJsonConverterFactory(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(
      Type type, Annotation[] parameterAnnotations, Annotation[] methodAnnotations, Retrofit retrofit) {
    return value -> RequestBody.create(mapper.writeValueAsBytes(value), JSON);
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    JavaType javaType = mapper.constructType(type);
    // Retrofit converts 2xx bodies only, and BoundedBodies lets no 2xx but 200 through.
    return body -> {
      byte[] bytes = read(body, MAX_SUCCESS_BYTES, 200);
      if (bytes.length == 0) {
        throw new UnreadableBody(200, "empty body", "", null);
      }
      if (!isJson(body.contentType())) {
        throw new UnreadableBody(200, "Content-Type " + body.contentType() + " is not JSON", snippet(bytes), null);
      }
      try {
        return mapper.readValue(bytes, javaType);
      } catch (JsonProcessingException e) {
        throw new UnreadableBody(200, "not the spec's JSON: " + e.getOriginalMessage(), snippet(bytes), e);
      }
    };
  }

  static boolean isJson(MediaType type) {
    return type != null && "application".equals(type.type())
        && ("json".equals(type.subtype()) || type.subtype().endsWith("+json"));
  }

  /** Reads at most {@code limit} bytes; more is an unreadable answer. */
  static byte[] read(ResponseBody body, long limit, int status) throws IOException {
    try (body) {
      BufferedSource source = body.source();
      if (!source.request(limit + 1)) {
        return source.readByteArray();
      }
      Buffer head = new Buffer();
      source.read(head, SNIPPET_CHARS);
      throw new UnreadableBody(status, "body larger than " + limit + " bytes", snippet(head.readByteArray()), null);
    }
  }

  private static final JsonFactory TOKENS = new JsonFactory();

  /**
   * Refuses a 200 whose {@code restorable} or {@code protectable} list holds more entries than
   * the items sent, counting tokens only: 4 MiB of {@code {}} would otherwise become about a
   * million objects (some 15 times the body's size in heap) before the count could be checked.
   * JSON that does not parse is left to the converter, which says what is wrong with it.
   */
  static void checkResultCount(byte[] body, int expected) throws UnreadableBody {
    if (expected < 0) {
      return;
    }
    try (JsonParser parser = TOKENS.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.START_ARRAY && (name.equals("restorable") || name.equals("protectable"))) {
          int results = 0;
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (++results > expected) {
              throw new UnreadableBody(200, "more than " + expected + " results for " + expected + " items", snippet(body), null);
            }
            parser.skipChildren();
          }
        } else {
          parser.skipChildren();
        }
      }
    } catch (UnreadableBody tooMany) {
      throw tooMany;
    } catch (IOException notJson) {
      // The converter reads the body next and reports what is wrong with it.
    }
  }

  static String snippet(byte[] bytes) {
    String text = new String(bytes, 0, Math.min(bytes.length, SNIPPET_CHARS * 4), StandardCharsets.UTF_8);
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "...";
  }
}
