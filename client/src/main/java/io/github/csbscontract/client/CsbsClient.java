package io.github.csbscontract.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.github.csbscontract.client.api.ResourcesApi;
import io.github.csbscontract.client.model.CheckResp;
import io.github.csbscontract.client.model.ProtectableParam;
import io.github.csbscontract.client.model.ResourceActionRequest;
import io.github.csbscontract.client.model.ResourceActionResponse;
import io.github.csbscontract.client.model.RestorableParam;
import io.github.csbscontract.core.Contract;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Client of the CSBS resources/action API: can these backups be restored onto these servers, can
 * these servers be backed up. Build one per endpoint and project, share it between threads, and
 * close it when done.
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
 *
 * <h2>Threads</h2>
 * A synchronous call runs on the caller's thread. An asynchronous call runs on the client's I/O
 * threads, at most {@link Builder#maxConcurrentRequests(int)} at once (64 by default; more wait
 * in a queue), and its future is completed on the completion executor
 * ({@link Builder#completionExecutor(Executor)}; by default the client's own daemon threads,
 * made as needed), never on an I/O thread. So a callback may block, even on another call of this
 * client, without holding up I/O or deadlocking. All threads the client made end on
 * {@link #close()}.
 *
 * <h2>Failures</h2>
 * Every method throws (or completes its future with) a {@link CsbsException}; see its subtypes.
 * A failure is the same type on the synchronous and the asynchronous path.
 */
// Long because it is the whole public surface, documented: twelve operations (each action by
// list and varargs, synchronous and asynchronous) and the Builder with its options. The work
// behind them lives beside it: Retries, AttemptInterceptor, BoundedJsonConverterFactory,
// RequestValidator, Failures.
public final class CsbsClient implements AutoCloseable {

  /** The CSBS provider, the only one this API serves. */
  public static final String CSBS_PROVIDER_ID = Contract.CSBS_PROVIDER_ID;

  /** Requests in flight at once unless {@link Builder#maxConcurrentRequests(int)} says otherwise. */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

  private static final Pattern PROJECT_ID = Pattern.compile(Contract.PROJECT_ID_PATTERN);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final String baseUrl;
  private final String projectId;
  private final String providerId;
  private final Settings settings;
  private final Executor completion;
  private final ExecutorService ownedCompletion;
  private final boolean validateRequests;
  private final Object lock = new Object();
  /** Made by the first call, not by build(): see {@link #stack()}. Guarded by {@link #lock}. */
  private volatile Stack stack;
  private volatile boolean closed;

  /** What the HTTP stack is made of, as the builder had it. */
  private record Settings(OkHttpClient shared, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
      RetryPolicy retryPolicy, Retries.Sleeper sleeper, int maxConcurrentRequests, AttemptInterceptor.TokenSource tokens,
      String userAgent, ObjectMapper mapper, AttemptListener listener) {}

  /** The HTTP side: OkHttp with its own dispatcher and I/O threads, and the generated Retrofit interface. */
  private record Stack(OkHttpClient http, ExecutorService io, ResourcesApi api, ObjectMapper mapper) {}

  private CsbsClient(Builder builder, String baseUrl, Settings settings) {
    this.baseUrl = baseUrl;
    this.projectId = builder.projectId;
    this.providerId = builder.providerId;
    this.settings = settings;
    this.validateRequests = builder.validateRequests;
    this.ownedCompletion = builder.completionExecutor == null ? pool("csbs-client-callbacks-") : null;
    this.completion = builder.completionExecutor == null ? ownedCompletion : builder.completionExecutor;
  }

  /**
   * The HTTP stack, made by the first call. build() only checks settings: starting OkHttp (its
   * classes, and for TLS the JDK's trust store) and Jackson takes hundreds of milliseconds in a
   * fresh JVM, which an application building its clients at start-up should not pay before it
   * needs them (BENCHMARKS.md, "Client build()").
   */
  private Stack stack() {
    Stack made = stack;
    if (made == null) {
      synchronized (lock) {
        made = stack;
        if (made == null && !closed) {
          made = newStack();
          stack = made;
        }
      }
    }
    return made;
  }

  private Stack newStack() {
    // A dispatcher of our own even on a shared OkHttpClient: its limit is this client's, and
    // close() can end this client's calls (and threads) without touching the application's.
    ExecutorService io = pool("csbs-client-io-");
    Dispatcher dispatcher = new Dispatcher(io);
    dispatcher.setMaxRequests(settings.maxConcurrentRequests());
    dispatcher.setMaxRequestsPerHost(settings.maxConcurrentRequests());
    OkHttpClient.Builder builder = (settings.shared() == null ? new OkHttpClient.Builder() : settings.shared().newBuilder())
        .dispatcher(dispatcher)
        .addInterceptor(new Retries(settings.retryPolicy(), settings.sleeper(),
            () -> ThreadLocalRandom.current().nextDouble(), Retries.Clock.SYSTEM, settings.listener()))
        .addInterceptor(new AttemptInterceptor(settings.tokens(), settings.userAgent()))
        .addNetworkInterceptor(AttemptInterceptor::refuseInformational)
        // The API has no redirects. Followed, one would carry X-Auth-Token (and, for 307 and 308,
        // the body) to wherever the Location points; unfollowed, it fails the call, naming it.
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false);
    if (settings.connectTimeout() != null) {
      builder.connectTimeout(settings.connectTimeout());
    }
    if (settings.readTimeout() != null) {
      builder.readTimeout(settings.readTimeout());
    }
    if (settings.callTimeout() != null) {
      builder.callTimeout(settings.callTimeout());
    } else if (settings.shared() == null || settings.shared().callTimeoutMillis() == 0) {
      builder.callTimeout(defaultDeadline());
    }
    OkHttpClient http = builder.build();
    ObjectMapper mapper = settings.mapper() == null ? DefaultMapper.INSTANCE : settings.mapper();
    ResourcesApi api = new Retrofit.Builder()
        .baseUrl(baseUrl)
        // Each call carries a CallState that the interceptors fill in for the messages.
        .callFactory(request -> http.newCall(request.newBuilder().tag(CallState.class, new CallState()).build()))
        .addConverterFactory(new BoundedJsonConverterFactory(mapper))
        .build()
        .create(ResourcesApi.class);
    return new Stack(http, io, api, mapper);
  }

  /**
   * The deadline of a call when none was set: the time in which the retry policy may start
   * attempts, and then one more attempt's connect and read timeouts (30 s with the defaults).
   * The read timeout bounds each read, not an answer; without a deadline a server trickling a
   * byte a second could hold a call for ever.
   */
  private Duration defaultDeadline() {
    long fallback = Duration.ofSeconds(10).toMillis();
    long connect = settings.connectTimeout() != null ? settings.connectTimeout().toMillis()
        : settings.shared() != null ? settings.shared().connectTimeoutMillis() : fallback;
    long read = settings.readTimeout() != null ? settings.readTimeout().toMillis()
        : settings.shared() != null ? settings.shared().readTimeoutMillis() : fallback;
    return settings.retryPolicy().maxTotalTime().plusMillis(connect + read);
  }

  /** The clients built without a mapper of their own share one: a mapper is thread-safe once configured. */
  private static final class DefaultMapper {
    static final ObjectMapper INSTANCE = forTheWire(new ObjectMapper());
  }

  /** For tests: the OkHttpClient, made now if no call made it yet. */
  OkHttpClient httpClient() {
    Stack made = stack();
    return made == null ? null : made.http();
  }

  /**
   * Starts a client's configuration.
   *
   * @return a builder with every option at its default
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks whether each backup can be restored onto its server.
   *
   * @param items 1 to 100 items
   * @return one result per item, in the items' order
   * @throws CsbsException on any failure; {@link CsbsValidationException} for a null or invalid item
   */
  public List<CheckResult> checkRestorable(List<RestoreItem> items) {
    return execute(Operation.RESTORE, () -> restoreRequest(items));
  }

  /**
   * Checks whether each backup can be restored onto its server.
   *
   * @param items 1 to 100 items
   * @return one result per item, in the items' order
   * @throws CsbsException on any failure; {@link CsbsValidationException} for a null or invalid item
   */
  public List<CheckResult> checkRestorable(RestoreItem... items) {
    return checkRestorable(listOf(items));
  }

  /**
   * Asynchronous {@link #checkRestorable(List)}; never throws.
   *
   * @param items 1 to 100 items
   * @return a future completed with one result per item, or with the {@link CsbsException} the
   *     synchronous form would throw; cancelling it cancels the call
   */
  public CompletableFuture<List<CheckResult>> checkRestorableAsync(List<RestoreItem> items) {
    return enqueue(Operation.RESTORE, () -> restoreRequest(items));
  }

  /**
   * Asynchronous {@link #checkRestorable(RestoreItem...)}; never throws.
   *
   * @param items 1 to 100 items
   * @return a future completed with one result per item, or with the {@link CsbsException} the
   *     synchronous form would throw; cancelling it cancels the call
   */
  public CompletableFuture<List<CheckResult>> checkRestorableAsync(RestoreItem... items) {
    return checkRestorableAsync(listOf(items));
  }

  /**
   * Checks whether each ECS can be backed up.
   *
   * @param serverIds 1 to 100 ECS IDs
   * @return one result per server, in the given order
   * @throws CsbsException on any failure; {@link CsbsValidationException} for a null or invalid ID
   */
  public List<CheckResult> checkProtectable(List<String> serverIds) {
    return execute(Operation.PROTECT, () -> protectRequest(serverIds, CsbsClient::ecs));
  }

  /**
   * Checks whether each ECS can be backed up.
   *
   * @param serverIds 1 to 100 ECS IDs
   * @return one result per server, in the given order
   * @throws CsbsException on any failure; {@link CsbsValidationException} for a null or invalid ID
   */
  public List<CheckResult> checkProtectable(String... serverIds) {
    return checkProtectable(listOf(serverIds));
  }

  /**
   * Checks whether each server, of any type, can be backed up.
   *
   * @param items 1 to 100 servers with their types
   * @return one result per item, in the items' order
   * @throws CsbsException on any failure; {@link CsbsValidationException} for a null or invalid item
   */
  public List<CheckResult> checkProtectableItems(List<ProtectItem> items) {
    return execute(Operation.PROTECT, () -> protectRequest(items, ProtectItem::toParam));
  }

  /**
   * Checks whether each server, of any type, can be backed up.
   *
   * @param items 1 to 100 servers with their types, for example {@link ProtectItem#bms(String)}
   * @return one result per item, in the items' order
   * @throws CsbsException on any failure; {@link CsbsValidationException} for a null or invalid item
   */
  public List<CheckResult> checkProtectable(ProtectItem... items) {
    return checkProtectableItems(listOf(items));
  }

  /**
   * Asynchronous {@link #checkProtectable(List)}; never throws.
   *
   * @param serverIds 1 to 100 ECS IDs
   * @return a future completed with one result per server, or with the {@link CsbsException} the
   *     synchronous form would throw; cancelling it cancels the call
   */
  public CompletableFuture<List<CheckResult>> checkProtectableAsync(List<String> serverIds) {
    return enqueue(Operation.PROTECT, () -> protectRequest(serverIds, CsbsClient::ecs));
  }

  /**
   * Asynchronous {@link #checkProtectable(String...)}; never throws.
   *
   * @param serverIds 1 to 100 ECS IDs
   * @return a future completed with one result per server, or with the {@link CsbsException} the
   *     synchronous form would throw; cancelling it cancels the call
   */
  public CompletableFuture<List<CheckResult>> checkProtectableAsync(String... serverIds) {
    return checkProtectableAsync(listOf(serverIds));
  }

  /**
   * Asynchronous {@link #checkProtectableItems(List)}; never throws.
   *
   * @param items 1 to 100 servers with their types
   * @return a future completed with one result per item, or with the {@link CsbsException} the
   *     synchronous form would throw; cancelling it cancels the call
   */
  public CompletableFuture<List<CheckResult>> checkProtectableItemsAsync(List<ProtectItem> items) {
    return enqueue(Operation.PROTECT, () -> protectRequest(items, ProtectItem::toParam));
  }

  /**
   * Asynchronous {@link #checkProtectable(ProtectItem...)}; never throws.
   *
   * @param items 1 to 100 servers with their types
   * @return a future completed with one result per item, or with the {@link CsbsException} the
   *     synchronous form would throw; cancelling it cancels the call
   */
  public CompletableFuture<List<CheckResult>> checkProtectableAsync(ProtectItem... items) {
    return checkProtectableItemsAsync(listOf(items));
  }

  /**
   * Ends the client: calls still waiting, in flight or between retries are cut off and fail with
   * {@link CsbsClientClosedException}, as does every later call. Waits up to 5 s for the I/O
   * threads to end. An OkHttpClient built here is shut down with its pooled connections; one
   * passed to the builder, and a completion executor passed to it, are left to their owner.
   * Calling it again does nothing.
   */
  @Override
  public void close() {
    Stack made;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      made = stack;
    }
    if (made != null) {
      made.http().dispatcher().cancelAll();
      made.io().shutdown();
      try {
        made.io().awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (settings.shared() == null) {
        made.http().connectionPool().evictAll();
      }
    }
    if (ownedCompletion != null) {
      // Completions already handed over still run; the threads end when they are done.
      ownedCompletion.shutdown();
    }
  }

  @Override
  public String toString() {
    return "CsbsClient[baseUrl=" + baseUrl + ", projectId=" + projectId + ", providerId=" + providerId + "]";
  }

  /** The two actions: their names on the wire and where their results are. */
  private enum Operation {
    RESTORE("check_restorable", ResourceActionResponse::getRestorable),
    PROTECT("check_protectable", ResourceActionResponse::getProtectable);

    final String action;
    final Function<ResourceActionResponse, List<CheckResp>> results;

    Operation(String action, Function<ResourceActionResponse, List<CheckResp>> results) {
      this.action = action;
      this.results = results;
    }

    int items(ResourceActionRequest request) {
      return this == RESTORE ? request.getCheckRestorable().size() : request.getCheckProtectable().size();
    }
  }

  private static <T> List<T> listOf(T[] items) {
    return items == null ? null : Arrays.asList(items);
  }

  private static ProtectableParam ecs(String serverId) {
    return new ProtectableParam().resourceId(serverId).resourceType(RestoreItem.ECS);
  }

  private ResourceActionRequest restoreRequest(List<RestoreItem> items) {
    List<RestorableParam> params = converted(Operation.RESTORE, items, RestoreItem::toParam);
    return validated(Operation.RESTORE, new ResourceActionRequest().checkRestorable(params));
  }

  private <T> ResourceActionRequest protectRequest(List<T> items, Function<T, ProtectableParam> convert) {
    List<ProtectableParam> params = converted(Operation.PROTECT, items, convert);
    return validated(Operation.PROTECT, new ResourceActionRequest().checkProtectable(params));
  }

  /** The items as the generated models; a null list or item is refused, validation on or off. */
  private <T, P> List<P> converted(Operation operation, List<T> items, Function<T, P> convert) {
    if (items == null) {
      throw new CsbsValidationException(context(operation), List.of(operation.action + ": must not be null"));
    }
    List<P> params = new ArrayList<>(items.size());
    List<String> nulls = new ArrayList<>();
    int index = 0;
    for (T item : items) {
      if (item == null) {
        nulls.add(operation.action + "[" + index + "]: must not be null");
      } else {
        params.add(convert.apply(item));
      }
      index++;
    }
    if (!nulls.isEmpty()) {
      throw new CsbsValidationException(context(operation), nulls);
    }
    return params;
  }

  private ResourceActionRequest validated(Operation operation, ResourceActionRequest request) {
    if (validateRequests) {
      List<String> violations = RequestValidator.shared().violations(request);
      if (!violations.isEmpty()) {
        throw new CsbsValidationException(context(operation), violations);
      }
    }
    return request;
  }

  private List<CheckResult> execute(Operation operation, Supplier<ResourceActionRequest> request) {
    ResourceActionRequest body = request.get();
    Stack http = open(operation);
    Call<ResourceActionResponse> call = http.api().checkResourceCapabilities(projectId, providerId, body);
    CallState state = call.request().tag(CallState.class);
    state.expect(operation.action, operation.items(body));
    Response<ResourceActionResponse> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw Failures.ofExchange(context(operation), e, state, http.http(), closed, baseUrl);
    }
    return answer(operation, response, state, operation.items(body), http.mapper());
  }

  /** The HTTP stack, or the closed exception once close() was called. */
  private Stack open(Operation operation) {
    Stack made = closed ? null : stack();
    if (made == null) {
      throw new CsbsClientClosedException(context(operation) + ": the client is closed", null);
    }
    return made;
  }

  private CompletableFuture<List<CheckResult>> enqueue(Operation operation, Supplier<ResourceActionRequest> request) {
    CompletableFuture<List<CheckResult>> future = new CompletableFuture<>();
    Call<ResourceActionResponse> call;
    CallState state;
    int expected;
    Stack http;
    try {
      if (closed) {
        throw new CsbsClientClosedException(context(operation) + ": the client is closed", null);
      }
      ResourceActionRequest body = request.get();
      expected = operation.items(body);
      http = open(operation);
      call = http.api().checkResourceCapabilities(projectId, providerId, body);
      state = call.request().tag(CallState.class);
      state.expect(operation.action, expected);
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return future;
    }
    // Set once the call itself ended: any other completion (cancel(), orTimeout(), complete())
    // came from the caller, and then the call is cancelled, which ends its exchange and its wait
    // for a retry, and frees its place among maxConcurrentRequests.
    AtomicBoolean ended = new AtomicBoolean();
    call.enqueue(new Callback<>() {
      @Override
      public void onResponse(Call<ResourceActionResponse> c, Response<ResourceActionResponse> response) {
        List<CheckResult> results;
        ended.set(true);
        try {
          results = answer(operation, response, state, expected, http.mapper());
        } catch (RuntimeException e) {
          complete(future, null, e);
          return;
        }
        complete(future, results, null);
      }

      @Override
      public void onFailure(Call<ResourceActionResponse> c, Throwable t) {
        ended.set(true);
        complete(future, null,
            t instanceof IOException e ? Failures.ofExchange(context(operation), e, state, http.http(), closed, baseUrl) : t);
      }
    });
    future.whenComplete((ignored, error) -> {
      if (!ended.get()) {
        call.cancel();
      }
    });
    return future;
  }

  /**
   * Completes the future off the I/O thread, so that the caller's callbacks neither hold an I/O
   * slot nor wait for one. Should the executor refuse (a user's executor shut down, say), the
   * future is completed here rather than never.
   */
  private <T> void complete(CompletableFuture<T> future, T value, Throwable error) {
    Runnable completion = () -> {
      if (error == null) {
        future.complete(value);
      } else {
        future.completeExceptionally(error);
      }
    };
    try {
      this.completion.execute(completion);
    } catch (RejectedExecutionException refused) {
      completion.run();
    }
  }

  private List<CheckResult> answer(Operation operation, Response<ResourceActionResponse> response, CallState state,
      int expected, ObjectMapper mapper) {
    if (!response.isSuccessful()) {
      throw Failures.ofAnswer(context(operation), response, state, mapper);
    }
    List<CheckResp> items = response.body() == null ? null : operation.results.apply(response.body());
    if (items == null || items.size() != expected) {
      throw new CsbsUnreadableResponseException(context(operation), response.code(),
          (items == null ? "no results" : items.size() + " results") + " for " + expected + " items",
          state.successSnippet(), null);
    }
    List<CheckResult> answers = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      CheckResp item = items.get(i);
      if (item == null || item.getResult() == null) {
        // The spec requires every result to be an object with a boolean "result".
        throw new CsbsUnreadableResponseException(context(operation), response.code(),
            "result " + i + (item == null ? " is null" : " has no \"result\""), state.successSnippet(), null);
      }
      answers.add(new CheckResult(Boolean.TRUE.equals(item.getResult()), orEmpty(item.getErrorCode()),
          orEmpty(item.getErrorMsg()), orEmpty(item.getResourceId()), orEmpty(item.getResourceType())));
    }
    return List.copyOf(answers);
  }

  private String context(Operation operation) {
    return operation.action + " in project " + projectId;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private static ExecutorService pool(String prefix) {
    // Threads made as needed and ended after a minute idle: nothing runs while the client does
    // nothing. Daemon threads, so a client left open does not keep the JVM alive.
    ThreadFactory threads = task -> {
      Thread thread = new Thread(task, prefix + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
  }

  private static ObjectMapper forTheWire(ObjectMapper mapper) {
    // Jackson turns "true" and 1 into true, and 7 into "7", by default: shapes the spec does not
    // allow, which must fail as unreadable rather than pass as a result.
    mapper.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  private static String userAgent(String suffix) {
    String version = CsbsClient.class.getPackage().getImplementationVersion();
    String agent = "csbs-restore-check-client/" + (version == null ? "dev" : version);
    return suffix == null ? agent : agent + " " + suffix;
  }

  /**
   * Builds a {@link CsbsClient}. Required: {@link #baseUrl}, {@link #projectId}, and
   * {@link #token} or {@link #tokenSupplier}. Everything else is optional, with the defaults each
   * setter names. {@link #build()} checks the settings; it starts no thread and opens no
   * connection, and may be called again for further clients.
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
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    private Executor completionExecutor;
    private String userAgentSuffix;
    private ObjectMapper objectMapper;
    private boolean validateRequests = true;
    private Retries.Sleeper sleeper = Retries.Sleeper.REAL;
    private AttemptListener attemptListener;

    private Builder() {}

    /**
     * The regional endpoint.
     *
     * @param baseUrl an http or https URL, for example {@code https://csbs.eu-de.otc.t-systems.com}
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * The project whose resources are checked.
     *
     * @param projectId 32 lowercase hexadecimal characters
     * @return this builder
     */
    public Builder projectId(String projectId) {
      this.projectId = projectId;
      return this;
    }

    /**
     * A fixed IAM token, sent in {@code X-Auth-Token} and nowhere else. {@link #build()} refuses a
     * token that an HTTP header cannot carry (a line end, a space, a non-ASCII character), without
     * repeating it.
     *
     * @param token the token
     * @return this builder
     */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /**
     * Where tokens come from: called before every attempt, on the thread that makes it, so that an
     * expiring IAM token can be refreshed. A supplier that throws, returns null or blank, or
     * returns a token an HTTP header cannot carry fails that call with {@link CsbsTokenException}.
     *
     * @param tokenSupplier the supplier; it must be thread-safe
     * @return this builder
     */
    public Builder tokenSupplier(Supplier<String> tokenSupplier) {
      this.tokenSupplier = tokenSupplier;
      return this;
    }

    /**
     * The provider in the path.
     *
     * @param providerId defaults to {@link #CSBS_PROVIDER_ID}
     * @return this builder
     */
    public Builder providerId(String providerId) {
      this.providerId = providerId;
      return this;
    }

    /**
     * An application's OkHttpClient to share its connection pool and configuration (TLS, proxy,
     * interceptors, timeouts). The client still runs its calls on a dispatcher of its own, with its
     * own limit, and follows no redirect whatever the shared client says (the token would go
     * along). Its owner closes it; {@link CsbsClient#close()} leaves it open.
     *
     * @param okHttpClient the client to share; by default one is built here
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = okHttpClient;
      return this;
    }

    /**
     * How long an attempt may take to connect.
     *
     * @param timeout positive; defaults to OkHttp's 10 s (or the shared OkHttpClient's)
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = RetryPolicy.positive("connectTimeout", timeout);
      return this;
    }

    /**
     * How long an attempt may wait for each read of the answer.
     *
     * @param timeout positive; defaults to OkHttp's 10 s (or the shared OkHttpClient's)
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = RetryPolicy.positive("readTimeout", timeout);
      return this;
    }

    /**
     * How long the whole call may take, retries and their waits included; when it runs out the
     * exchange is cancelled and the call fails with {@link CsbsTimeoutException}. For one
     * asynchronous call, {@code future.orTimeout(...)} or {@code future.cancel(...)} ends it
     * sooner, and cancels its exchange too.
     *
     * @param timeout positive; by default the retry policy's {@link RetryPolicy#maxTotalTime()}
     *     plus the connect and read timeouts (30 s with the defaults), or the shared
     *     OkHttpClient's call timeout if it has one
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = RetryPolicy.positive("callTimeout", timeout);
      return this;
    }

    /**
     * When to try again.
     *
     * @param retryPolicy defaults to {@link RetryPolicy#defaults()} (3 attempts, at most 10 s);
     *     {@link RetryPolicy#none()} turns retries off
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * How many asynchronous calls may be in flight at once (all go to one host, so this is also
     * the limit per host); more wait in a queue, in order. Synchronous calls run on their callers'
     * threads and are not counted.
     *
     * @param maxConcurrentRequests at least 1; defaults to {@link #DEFAULT_MAX_CONCURRENT_REQUESTS} (64)
     * @return this builder
     */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      if (maxConcurrentRequests < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, was " + maxConcurrentRequests);
      }
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /**
     * Where the asynchronous methods' futures are completed, and so where dependent stages
     * without an executor of their own ({@code thenApply}, ...) run.
     *
     * <p>By default, the client's own daemon threads, made as needed and ended a minute after
     * their last task or on {@code close()}: a callback that blocks (on another call of this
     * client, say) takes a thread of its own, so callbacks cannot starve each other or the I/O.
     * An executor given here is not shut down by {@code close()}; with a bounded one, callbacks
     * that block on further calls can run out of threads.
     *
     * @param completionExecutor the executor
     * @return this builder
     */
    public Builder completionExecutor(Executor completionExecutor) {
      this.completionExecutor = Objects.requireNonNull(completionExecutor, "completionExecutor == null");
      return this;
    }

    /**
     * Appended to the User-Agent ({@code csbs-restore-check-client/VERSION}).
     *
     * @param suffix for example {@code my-app/1.2}; printable ASCII, which {@link #build()} checks
     * @return this builder
     */
    public Builder userAgentSuffix(String suffix) {
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * A mapper with your modules or settings. A copy is used, with unknown fields ignored and
     * null fields left out, since the wire format depends on both.
     *
     * @param objectMapper the mapper; by default a plain one
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper objectMapper) {
      this.objectMapper = objectMapper;
      return this;
    }

    /**
     * Whether requests are checked against the spec before they are sent. The first check in a
     * JVM starts Hibernate Validator (once, shared by all clients).
     *
     * @param validateRequests on by default: a request that breaks the spec throws
     *     {@link CsbsValidationException} unsent; off, the service judges it
     * @return this builder
     */
    public Builder validateRequests(boolean validateRequests) {
      this.validateRequests = validateRequests;
      return this;
    }

    /**
     * Told about every attempt when it ends (action, number, status, duration, whether and when
     * the next one follows), for metrics and logs; never told the token.
     *
     * @param attemptListener the listener; by default none
     * @return this builder
     */
    public Builder attemptListener(AttemptListener attemptListener) {
      this.attemptListener = Objects.requireNonNull(attemptListener, "attemptListener == null");
      return this;
    }

    Builder sleeper(Retries.Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * Checks the settings and builds the client.
     *
     * @return a new client, which the caller closes
     * @throws IllegalArgumentException naming the first setting that is missing or malformed
     */
    public CsbsClient build() {
      if (baseUrl == null) {
        throw new IllegalArgumentException("baseUrl == null");
      }
      String url = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
      if (!isHttpUrl(url)) {
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
      String tokenProblem = token == null ? null : HeaderValues.problem(token, true);
      if (tokenProblem != null) {
        throw new IllegalArgumentException("token " + tokenProblem);
      }
      String suffixProblem = userAgentSuffix == null ? null : HeaderValues.problem(userAgentSuffix, false);
      if (suffixProblem != null) {
        throw new IllegalArgumentException("userAgentSuffix " + suffixProblem);
      }
      if (providerId == null || providerId.isBlank()) {
        throw new IllegalArgumentException("providerId is blank");
      }
      // Null for the shared default mapper, which the first call makes (Jackson takes a while to start).
      ObjectMapper mapper = objectMapper == null ? null : forTheWire(objectMapper.copy());
      AttemptInterceptor.TokenSource tokens =
          tokenSupplier == null ? AttemptInterceptor.constant(token) : AttemptInterceptor.supplied(tokenSupplier);
      return new CsbsClient(this, url, new Settings(okHttpClient, connectTimeout, readTimeout, callTimeout, retryPolicy,
          sleeper, maxConcurrentRequests, tokens, userAgent(userAgentSuffix), mapper, attemptListener));
    }

    /**
     * What OkHttp's HttpUrl accepts as a base URL, checked with java.net.URI so that build()
     * does not load OkHttp: http or https, a host, nothing after the path.
     */
    private static boolean isHttpUrl(String url) {
      try {
        URI uri = new URI(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
            && uri.getRawQuery() == null && uri.getRawFragment() == null;
      } catch (URISyntaxException e) {
        return false;
      }
    }

    @Override
    public String toString() {
      return "CsbsClient.Builder[baseUrl=" + baseUrl + ", projectId=" + projectId + "]";
    }
  }
}
