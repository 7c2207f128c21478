package io.github.csbscontract.client;

import io.github.csbscontract.core.Contract;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.csbscontract.client.api.ResourcesApi;
import io.github.csbscontract.client.model.CheckResp;
import io.github.csbscontract.client.model.ErrorResponse;
import io.github.csbscontract.client.model.ProtectableParam;
import io.github.csbscontract.client.model.ResourceActionRequest;
import io.github.csbscontract.client.model.ResourceActionResponse;
import io.github.csbscontract.client.model.RestorableParam;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Client of the CSBS resources/action API: can these backups be restored onto these servers, can
 * these servers be backed up. Thread-safe; close it when done.
 *
 * <pre>
 * try (CsbsClient csbs = CsbsClient.builder()
 *     .baseUrl("https://csbs.eu-de.otc.t-systems.com")
 *     .projectId("0605767ab000d4c12f3bc0033d9d5d06")
 *     .tokenSupplier(iam::currentToken)
 *     .build()) {
 *   List&lt;CheckResult&gt; results = csbs.checkRestorable(RestoreItem.backup(backupId)
 *       .ontoServer(serverId).mapDisk(diskBackupId, diskId).build());
 * }
 * </pre>
 */
public final class CsbsClient implements AutoCloseable {

  /** The CSBS provider, the only one this API serves. */
  public static final String CSBS_PROVIDER_ID = Contract.CSBS_PROVIDER_ID;

  private static final Pattern PROJECT_ID = Pattern.compile(Contract.PROJECT_ID_PATTERN);

  private final HttpUrl baseUrl;
  private final String projectId;
  private final String providerId;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final ResourcesApi api;
  private final ObjectMapper mapper;
  private final RequestValidator validator;
  private final AtomicBoolean closed = new AtomicBoolean();

  private CsbsClient(Builder builder, HttpUrl baseUrl, ObjectMapper mapper) {
    this.baseUrl = baseUrl;
    this.projectId = builder.projectId;
    this.providerId = builder.providerId;
    this.mapper = mapper;
    this.ownsHttp = builder.okHttpClient == null;
    Guard.TokenSource tokens = builder.tokenSupplier == null ? constant(builder.token) : supplied(builder.tokenSupplier);
    OkHttpClient.Builder http = (ownsHttp ? new OkHttpClient.Builder() : builder.okHttpClient.newBuilder())
        .addInterceptor(new Retries(builder.retryPolicy, builder.sleeper, () -> ThreadLocalRandom.current().nextDouble(),
            Retries.Clock.SYSTEM))
        .addInterceptor(new Guard(tokens, userAgent(builder.userAgentSuffix)))
        .retryOnConnectionFailure(false);
    if (builder.connectTimeout != null) {
      http.connectTimeout(builder.connectTimeout);
    }
    if (builder.readTimeout != null) {
      http.readTimeout(builder.readTimeout);
    }
    if (builder.callTimeout != null) {
      http.callTimeout(builder.callTimeout);
    }
    this.http = http.build();
    this.api = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(this.http)
        .addConverterFactory(new Bodies(mapper))
        .build()
        .create(ResourcesApi.class);
    this.validator = builder.validateRequests ? new RequestValidator() : null;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Checks each item, answering in the items' order. */
  public List<CheckResult> checkRestorable(List<RestorableParam> items) {
    return execute(restoreRequest(items), ResourceActionResponse::getRestorable, items.size());
  }

  public List<CheckResult> checkRestorable(RestorableParam... items) {
    return checkRestorable(Arrays.asList(items));
  }

  public CompletableFuture<List<CheckResult>> checkRestorableAsync(List<RestorableParam> items) {
    return enqueue(() -> restoreRequest(items), ResourceActionResponse::getRestorable, items.size());
  }

  /** Checks whether each server can be backed up, answering in the items' order. */
  public List<CheckResult> checkProtectable(List<ProtectableParam> items) {
    return execute(protectRequest(items), ResourceActionResponse::getProtectable, items.size());
  }

  /** Checks whether each ECS can be backed up. */
  public List<CheckResult> checkProtectable(String... serverIds) {
    return checkProtectable(servers(serverIds));
  }

  public CompletableFuture<List<CheckResult>> checkProtectableAsync(List<ProtectableParam> items) {
    return enqueue(() -> protectRequest(items), ResourceActionResponse::getProtectable, items.size());
  }

  /**
   * Ends the client. An OkHttpClient built here is shut down (threads and pooled connections);
   * one passed to the builder is left to its owner.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (validator != null) {
      validator.close();
    }
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      try {
        http.dispatcher().executorService().awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "CsbsClient[baseUrl=" + baseUrl + ", projectId=" + projectId + ", providerId=" + providerId + "]";
  }

  private static List<ProtectableParam> servers(String... serverIds) {
    List<ProtectableParam> items = new ArrayList<>(serverIds.length);
    for (String id : serverIds) {
      items.add(new ProtectableParam().resourceId(id).resourceType(RestoreItem.ECS));
    }
    return items;
  }

  private ResourceActionRequest restoreRequest(List<RestorableParam> items) {
    return validated(new ResourceActionRequest().checkRestorable(new ArrayList<>(Objects.requireNonNull(items, "items == null"))));
  }

  private ResourceActionRequest protectRequest(List<ProtectableParam> items) {
    return validated(new ResourceActionRequest().checkProtectable(new ArrayList<>(Objects.requireNonNull(items, "items == null"))));
  }

  private ResourceActionRequest validated(ResourceActionRequest request) {
    if (closed.get()) {
      throw new IllegalStateException("client is closed");
    }
    if (validator != null) {
      List<String> violations = validator.violations(request);
      if (!violations.isEmpty()) {
        throw new CsbsValidationException(violations);
      }
    }
    return request;
  }

  private List<CheckResult> execute(
      ResourceActionRequest request, Function<ResourceActionResponse, List<CheckResp>> results, int expected) {
    Call<ResourceActionResponse> call = api.checkResourceCapabilities(projectId, providerId, request);
    Response<ResourceActionResponse> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw failure(e);
    }
    return answer(response, results, expected);
  }

  private CompletableFuture<List<CheckResult>> enqueue(
      Supplier<ResourceActionRequest> request, Function<ResourceActionResponse, List<CheckResp>> results, int expected) {
    CompletableFuture<List<CheckResult>> future = new CompletableFuture<>();
    Call<ResourceActionResponse> call;
    try {
      call = api.checkResourceCapabilities(projectId, providerId, request.get());
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return future;
    }
    call.enqueue(new Callback<>() {
      @Override
      public void onResponse(Call<ResourceActionResponse> c, Response<ResourceActionResponse> response) {
        try {
          future.complete(answer(response, results, expected));
        } catch (RuntimeException e) {
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call<ResourceActionResponse> c, Throwable t) {
        future.completeExceptionally(t instanceof IOException io ? failure(io) : t);
      }
    });
    future.whenComplete((ignored, error) -> {
      if (future.isCancelled()) {
        call.cancel();
      }
    });
    return future;
  }

  private List<CheckResult> answer(
      Response<ResourceActionResponse> response, Function<ResourceActionResponse, List<CheckResp>> results, int expected) {
    if (!response.isSuccessful()) {
      throw httpError(response);
    }
    List<CheckResp> items = response.body() == null ? null : results.apply(response.body());
    if (items == null || items.size() != expected) {
      throw new CsbsUnreadableResponseException(response.code(),
          (items == null ? "no results" : items.size() + " results") + " for " + expected + " items", "", null);
    }
    List<CheckResult> answers = new ArrayList<>(items.size());
    for (CheckResp item : items) {
      answers.add(new CheckResult(Boolean.TRUE.equals(item.getResult()), orEmpty(item.getErrorCode()),
          orEmpty(item.getErrorMsg()), orEmpty(item.getResourceId()), orEmpty(item.getResourceType())));
    }
    return List.copyOf(answers);
  }

  private CsbsHttpException httpError(Response<?> response) {
    int status = response.code();
    String code = null;
    String msg = null;
    String requestId = null;
    String snippet = "";
    try (okhttp3.ResponseBody body = response.errorBody()) {
      if (body != null) {
        byte[] bytes = Bodies.read(body, Bodies.MAX_ERROR_BYTES, status);
        snippet = Bodies.snippet(bytes);
        if (Bodies.isJson(body.contentType())) {
          ErrorResponse error = mapper.readValue(bytes, ErrorResponse.class);
          code = error.getErrorCode();
          msg = error.getErrorMsg();
          requestId = error.getRequestId();
        }
      }
    } catch (IOException unreadable) {
      // Not the service's error body: the status and the snippet still say what happened.
      if (unreadable instanceof UnreadableBody tooLarge) {
        snippet = tooLarge.snippet;
      }
    }
    return switch (status) {
      case 400 -> new CsbsBadRequestException(status, code, msg, requestId, snippet);
      case 401, 403 -> new CsbsAuthenticationException(status, code, msg, requestId, snippet);
      case 404 -> new CsbsNotFoundException(status, code, msg, requestId, snippet);
      case 413 -> new CsbsPayloadTooLargeException(status, code, msg, requestId, snippet);
      default -> status >= 500
          ? new CsbsServerException(status, code, msg, requestId, snippet)
          : new CsbsHttpException(status, code, msg, requestId, snippet);
    };
  }

  private CsbsException failure(IOException e) {
    String where = "POST " + baseUrl + "v1/" + projectId + "/providers/" + providerId + "/resources/action";
    if (e instanceof UnreadableBody unreadable) {
      return new CsbsUnreadableResponseException(unreadable.status, unreadable.problem, unreadable.snippet, e);
    }
    if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return new CsbsTimeoutException(where + " timed out: " + e.getMessage(), e);
    }
    return new CsbsTransportException(where + " failed: " + e, e);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String userAgent(String suffix) {
    String version = CsbsClient.class.getPackage().getImplementationVersion();
    String agent = "csbs-restore-check-client/" + (version == null ? "dev" : version);
    return suffix == null ? agent : agent + " " + suffix;
  }

  private static Guard.TokenSource constant(String token) {
    return () -> token;
  }

  private static Guard.TokenSource supplied(Supplier<String> supplier) {
    return () -> {
      String token = supplier.get();
      if (token == null || token.isBlank()) {
        throw new IllegalStateException("tokenSupplier returned no token");
      }
      return token;
    };
  }

  /**
   * Builds a {@link CsbsClient}. Required: {@link #baseUrl}, {@link #projectId}, and
   * {@link #token} or {@link #tokenSupplier}. Everything else is optional.
   */
  public static final class Builder {

    private String baseUrl;
    private String projectId;
    private String token;
    private Supplier<String> tokenSupplier;
    private String providerId = CSBS_PROVIDER_ID;
    private OkHttpClient okHttpClient;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration callTimeout;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private String userAgentSuffix;
    private ObjectMapper objectMapper;
    private boolean validateRequests = true;
    private Retries.Sleeper sleeper = Thread::sleep;

    private Builder() {}

    /** The regional endpoint, for example {@code https://csbs.eu-de.otc.t-systems.com}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /** 32 lowercase hexadecimal characters. */
    public Builder projectId(String projectId) {
      this.projectId = projectId;
      return this;
    }

    /** A fixed IAM token. */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /** Called before every attempt, so that an expiring IAM token can be refreshed. */
    public Builder tokenSupplier(Supplier<String> tokenSupplier) {
      this.tokenSupplier = tokenSupplier;
      return this;
    }

    /** Defaults to {@link #CSBS_PROVIDER_ID}. */
    public Builder providerId(String providerId) {
      this.providerId = providerId;
      return this;
    }

    /** Shares this client's connection pool and threads; its owner closes it. */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = okHttpClient;
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = RetryPolicy.positive("connectTimeout", timeout);
      return this;
    }

    public Builder readTimeout(Duration timeout) {
      this.readTimeout = RetryPolicy.positive("readTimeout", timeout);
      return this;
    }

    /** The whole call, retries included. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = RetryPolicy.positive("callTimeout", timeout);
      return this;
    }

    /** Defaults to {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} turns retries off. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /** Appended to the User-Agent, for example {@code my-app/1.2}. */
    public Builder userAgentSuffix(String suffix) {
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * A mapper with your modules or settings. A copy is used, with unknown fields ignored and
     * null fields left out, since the wire format depends on both.
     */
    public Builder objectMapper(ObjectMapper objectMapper) {
      this.objectMapper = objectMapper;
      return this;
    }

    /** On by default: requests that break the spec throw {@link CsbsValidationException} unsent. */
    public Builder validateRequests(boolean validateRequests) {
      this.validateRequests = validateRequests;
      return this;
    }

    Builder sleeper(Retries.Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    public CsbsClient build() {
      if (baseUrl == null) {
        throw new IllegalArgumentException("baseUrl == null");
      }
      HttpUrl url = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
      if (url == null) {
        throw new IllegalArgumentException("baseUrl is not an http or https URL: " + baseUrl);
      }
      if (projectId == null) {
        throw new IllegalArgumentException("projectId == null");
      }
      if (!PROJECT_ID.matcher(projectId).matches()) {
        throw new IllegalArgumentException("projectId must be 32 lowercase hexadecimal characters, was " + projectId);
      }
      if ((token == null) == (tokenSupplier == null)) {
        throw new IllegalArgumentException(token == null
            ? "token or tokenSupplier is required" : "set token or tokenSupplier, not both");
      }
      if (token != null && token.isBlank()) {
        throw new IllegalArgumentException("token is blank");
      }
      if (providerId == null || providerId.isBlank()) {
        throw new IllegalArgumentException("providerId is blank");
      }
      ObjectMapper mapper = (objectMapper == null ? new ObjectMapper() : objectMapper.copy())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);
      return new CsbsClient(this, url, mapper);
    }

    @Override
    public String toString() {
      return "CsbsClient.Builder[baseUrl=" + baseUrl + ", projectId=" + projectId + "]";
    }
  }
}
