package io.github.csbscontract.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.github.csbscontract.client.api.ResourcesApi;
import io.github.csbscontract.client.model.CheckResp;
import io.github.csbscontract.client.model.ResourceActionRequest;
import io.github.csbscontract.client.model.ResourceActionResponse;
import io.github.csbscontract.core.Contract;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
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
import okhttp3.Request;
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
 *       .ontoServer(serverId).mapDisk(diskBackupId, diskId).build()).execute();
 * }
 * </pre>
 *
 * <p>Each action is one method taking its items and returning a {@link CheckCall}, which runs
 * synchronously ({@link CheckCall#execute()}) or asynchronously ({@link CheckCall#enqueue()}),
 * with the client's deadline or one of its own ({@link CheckCall#callTimeout(Duration)}).
 *
 * <h2>Threads</h2>
 * A synchronous call runs on the caller's thread. An asynchronous call runs on the client's I/O
 * threads, at most {@link Builder#maxConcurrentRequests(int)} at once (64 by default; more wait
 * in a queue), and its future is completed on the completion executor
 * ({@link Builder#completionExecutor(Executor)}; by default the client's own daemon threads,
 * made as needed), never on an I/O thread. So a callback may block, even on another call of this
 * client, without holding up I/O or deadlocking. One daemon thread keeps the calls' deadlines
 * (to within 10 ms); it ends a second after the last call, and the next call starts it again.
 * All threads the client made end on {@link #close()}.
 *
 * <h2>Failures</h2>
 * {@code execute()} throws (and {@code enqueue()}'s future completes with) a {@link CsbsException};
 * see its subtypes.
 * A failure is the same type on the synchronous and the asynchronous path.
 */
// Long because it holds the Builder with its options, documented, and the one path every call
// takes (Exchange). The work behind them lives beside it: Deadlines, Retries, AttemptHeaders, BoundedBodies,
// BrokenExchanges, BoundedJsonConverterFactory, RequestValidator, Failures.
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
  private record Settings(OkHttpClient shared, Duration callTimeout,
      RetryPolicy retryPolicy, Retries.Sleeper sleeper, int maxConcurrentRequests, AttemptHeaders.TokenSource tokens,
      String userAgent, ObjectMapper mapper, AttemptListener listener) {}

  /**
   * The HTTP side: OkHttp with its own dispatcher and I/O threads, the generated Retrofit
   * interface, and the calls' deadline unless a call sets its own.
   */
  private record Stack(OkHttpClient http, ExecutorService io, Deadlines deadlines, ResourcesApi api, ObjectMapper mapper,
      long deadlineMillis) {}

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
    OkHttpClient.Builder builder = settings.shared() == null ? new OkHttpClient.Builder() : settings.shared().newBuilder();
    Deadlines deadlines = new Deadlines("csbs-client-deadlines-" + THREADS.incrementAndGet());
    AttemptHeaders headers = new AttemptHeaders(settings.tokens(), settings.userAgent());
    // First of all interceptors, a shared client's too, so that a call's deadline spans all of
    // its work: the attempts and the waits between them. It replaces OkHttp's call timeout, which
    // a shared client's setting would otherwise add.
    builder.interceptors().add(0, deadlines);
    builder.dispatcher(dispatcher)
        .callTimeout(Duration.ZERO)
        .addInterceptor(new Retries(settings.retryPolicy(), settings.sleeper(),
            () -> ThreadLocalRandom.current().nextDouble(), Retries.Clock.SYSTEM, settings.listener()));
    if (headers.perAttempt()) {
      // Inside the retry loop, so that each attempt asks the supplier again.
      builder.addInterceptor(headers);
    }
    builder.addInterceptor(new BoundedBodies())
        .addNetworkInterceptor(new BrokenExchanges())
        // The API has no redirects. Followed, one would carry X-Auth-Token (and, for 307 and 308,
        // the body) to wherever the Location points; unfollowed, it fails the call, naming it.
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false);
    OkHttpClient http = builder.build();
    ObjectMapper mapper = settings.mapper() == null ? DefaultMapper.INSTANCE : settings.mapper();
    ResourcesApi api = new Retrofit.Builder()
        .baseUrl(baseUrl)
        // Each call carries a CallState that the interceptors fill in for the messages, and the
        // headers that are the same on every attempt: one copy of Retrofit's request, not one
        // more per interceptor.
        .callFactory(request -> {
          Request.Builder call = request.newBuilder().tag(CallState.class, new CallState());
          return http.newCall(headers.addFixed(call).build());
        })
        .addConverterFactory(new BoundedJsonConverterFactory(mapper))
        .build()
        .create(ResourcesApi.class);
    return new Stack(http, io, deadlines, api, mapper, deadlineMillis(http));
  }

  /**
   * The deadline of a call that sets none: the builder's; else a shared OkHttpClient's call
   * timeout, if it has one; else the time in which the retry policy may start attempts, and then
   * one more attempt's connect and read timeouts (30 s with OkHttp's defaults). The read timeout
   * bounds each read, not an answer; without a deadline a server trickling a byte a second could
   * hold a call for ever.
   */
  private long deadlineMillis(OkHttpClient http) {
    if (settings.callTimeout() != null) {
      return deadlineMillis(settings.callTimeout());
    }
    if (settings.shared() != null && settings.shared().callTimeoutMillis() > 0) {
      return settings.shared().callTimeoutMillis();
    }
    long attempts = RetryPolicy.millis(settings.retryPolicy().maxTotalTime());
    long lastAttempt = (long) http.connectTimeoutMillis() + http.readTimeoutMillis();
    return attempts > Long.MAX_VALUE - lastAttempt ? Long.MAX_VALUE : attempts + lastAttempt;
  }

  /**
   * A positive timeout in whole milliseconds, rounded up: rounded down, one under a millisecond
   * became 0, which Deadlines takes for a call without a deadline (it then ran for ever against a
   * trickling server, and even after close()); and no call may end before its deadline.
   */
  private static long deadlineMillis(Duration timeout) {
    long millis = RetryPolicy.millis(timeout);
    return millis < Long.MAX_VALUE && timeout.compareTo(Duration.ofMillis(millis)) > 0 ? millis + 1 : millis;
  }

  /** The clients built without a mapper of their own share one: a mapper is thread-safe once configured. */
  private static final class DefaultMapper {
    static final ObjectMapper INSTANCE = forTheWire(new ObjectMapper());
  }

  /** For tests: the deadline of a call that sets none. */
  Duration defaultCallTimeout() {
    Stack made = stack();
    return made == null ? null : Duration.ofMillis(made.deadlineMillis());
  }

  /** For tests: the OkHttpClient, made now if no call made it yet. */
  OkHttpClient httpClient() {
    Stack made = stack();
    return made == null ? null : made.http();
  }

  /** For tests: the calls' deadlines, made now if no call made them yet. */
  Deadlines deadlines() {
    Stack made = stack();
    return made == null ? null : made.deadlines();
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
   * Whether each backup can be restored onto its server.
   *
   * @param items 1 to 100 items
   * @return the call, to {@link CheckCall#execute()} or {@link CheckCall#enqueue()}; its results
   *     are one per item, in the items' order
   */
  public CheckCall checkRestorable(RestoreItem... items) {
    return CheckCall.of(this, Operation.RESTORE, items);
  }

  /**
   * Whether each backup can be restored onto its server.
   *
   * @param items 1 to 100 items
   * @return the call, to {@link CheckCall#execute()} or {@link CheckCall#enqueue()}; its results
   *     are one per item, in the items' order
   */
  public CheckCall checkRestorable(List<RestoreItem> items) {
    return CheckCall.of(this, Operation.RESTORE, items);
  }

  /**
   * Whether each server can be backed up.
   *
   * @param items 1 to 100 servers, for example {@link ProtectItem#server(String)}
   * @return the call, to {@link CheckCall#execute()} or {@link CheckCall#enqueue()}; its results
   *     are one per item, in the items' order
   */
  public CheckCall checkProtectable(ProtectItem... items) {
    return CheckCall.of(this, Operation.PROTECT, items);
  }

  /**
   * Whether each server can be backed up.
   *
   * @param items 1 to 100 servers
   * @return the call, to {@link CheckCall#execute()} or {@link CheckCall#enqueue()}; its results
   *     are one per item, in the items' order
   */
  public CheckCall checkProtectable(List<ProtectItem> items) {
    return CheckCall.of(this, Operation.PROTECT, items);
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
      made.deadlines().close();
      // Not dispatcher().cancelAll(): one call's cancel that throws (a shared client's
      // EventListener) would leave the others running and the threads unended.
      for (okhttp3.Call call : made.http().dispatcher().queuedCalls()) {
        Deadlines.cancel(call);
      }
      for (okhttp3.Call call : made.http().dispatcher().runningCalls()) {
        Deadlines.cancel(call);
      }
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

  /** The two actions: their names on the wire, their items, and where their results are. */
  enum Operation {
    RESTORE("check_restorable", ResourceActionResponse::getRestorable),
    PROTECT("check_protectable", ResourceActionResponse::getProtectable);

    final String action;
    final Function<ResourceActionResponse, List<CheckResp>> results;

    Operation(String action, Function<ResourceActionResponse, List<CheckResp>> results) {
      this.action = action;
      this.results = results;
    }

    ResourceActionRequest request(List<Object> params) {
      // The lists' element types are the generated models' (RestorableParam, ProtectableParam).
      @SuppressWarnings({"unchecked", "rawtypes"})
      List raw = params;
      return this == RESTORE ? new ResourceActionRequest().checkRestorable(raw)
          : new ResourceActionRequest().checkProtectable(raw);
    }

    Object param(Object item) {
      return this == RESTORE ? ((RestoreItem) item).toParam() : ((ProtectItem) item).toParam();
    }
  }

  /** The call's items as the request: a null list or item is refused, validation on or off. */
  private ResourceActionRequest request(CheckCall call) {
    Operation operation = call.operation();
    List<?> items = call.items();
    if (items == null) {
      throw new CsbsValidationException(context(operation), List.of(operation.action + ": must not be null"));
    }
    List<Object> params = new ArrayList<>(items.size());
    List<String> nulls = new ArrayList<>();
    for (int index = 0; index < items.size(); index++) {
      Object item = items.get(index);
      if (item == null) {
        nulls.add(operation.action + "[" + index + "]: must not be null");
      } else {
        params.add(operation.param(item));
      }
    }
    if (!nulls.isEmpty()) {
      throw new CsbsValidationException(context(operation), nulls);
    }
    ResourceActionRequest request = operation.request(params);
    if (validateRequests) {
      List<String> violations = RequestValidator.shared().violations(request);
      if (!violations.isEmpty()) {
        throw new CsbsValidationException(context(operation), violations);
      }
    }
    return request;
  }

  /**
   * One run of a {@link CheckCall}, the same for both ways of running it: the checked request,
   * the Retrofit call with its deadline, and what its attempts leave for the messages.
   */
  private final class Exchange {
    final Operation operation;
    final int expected;
    final Stack stack;
    final Call<ResourceActionResponse> call;
    final CallState state;
    final long deadlineMillis;

    /** @throws CsbsException for an invalid request or a closed client, before anything is sent */
    Exchange(CheckCall checkCall) {
      operation = checkCall.operation();
      ResourceActionRequest body = request(checkCall);
      expected = checkCall.items().size();
      stack = closed ? null : stack();
      if (stack == null) {
        throw new CsbsClientClosedException(context(operation) + ": the client is closed", null);
      }
      call = stack.api().checkResourceCapabilities(projectId, providerId, body);
      deadlineMillis = checkCall.timeout() == null ? stack.deadlineMillis() : deadlineMillis(checkCall.timeout());
      state = call.request().tag(CallState.class);
      state.expect(operation.action, expected);
      // Deadlines, the outermost interceptor, cancels the exchange when this runs out.
      state.deadline(deadlineMillis);
    }

    List<CheckResult> answer(Response<ResourceActionResponse> response) {
      if (!response.isSuccessful()) {
        throw Failures.ofAnswer(context(operation), response, state, stack.mapper());
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

    CsbsException failure(IOException e) {
      return Failures.ofExchange(context(operation), e, state, stack.http(), deadlineMillis, closed, baseUrl);
    }
  }

  List<CheckResult> execute(CheckCall checkCall) {
    Exchange exchange = new Exchange(checkCall);
    Response<ResourceActionResponse> response;
    try {
      response = exchange.call.execute();
    } catch (IOException e) {
      throw exchange.failure(e);
    }
    return exchange.answer(response);
  }

  CompletableFuture<List<CheckResult>> enqueue(CheckCall checkCall) {
    CompletableFuture<List<CheckResult>> future = new CompletableFuture<>();
    Exchange exchange;
    try {
      exchange = new Exchange(checkCall);
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return future;
    }
    // Set once the call itself ended: any other completion (cancel(), orTimeout(), complete())
    // came from the caller, and then the call is cancelled, which ends its exchange and its wait
    // for a retry, and frees its place among maxConcurrentRequests.
    AtomicBoolean ended = new AtomicBoolean();
    exchange.call.enqueue(new Callback<>() {
      @Override
      public void onResponse(Call<ResourceActionResponse> c, Response<ResourceActionResponse> response) {
        ended.set(true);
        List<CheckResult> results;
        try {
          results = exchange.answer(response);
        } catch (RuntimeException e) {
          complete(future, null, e);
          return;
        }
        complete(future, results, null);
      }

      @Override
      public void onFailure(Call<ResourceActionResponse> c, Throwable t) {
        ended.set(true);
        complete(future, null, t instanceof IOException e ? exchange.failure(e) : t);
      }
    });
    future.whenComplete((ignored, error) -> {
      if (!ended.get()) {
        exchange.call.cancel();
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
     * An application's OkHttpClient: everything about the connection is its business (pool, TLS,
     * proxy, its interceptors, and the connect, read and write timeouts, OkHttp's 10 s each by
     * default). The client still runs its calls on a dispatcher of its own, with its own limit,
     * under its own deadline ({@link #callTimeout(Duration)}), and follows no redirect whatever
     * the shared client says (the token would go along). Its owner closes it;
     * {@link CsbsClient#close()} leaves it open.
     *
     * @param okHttpClient the client to share, or to take the connection settings from; by
     *     default one is built here
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = okHttpClient;
      return this;
    }

    /**
     * The deadline of every call ({@link CheckCall#callTimeout(Duration)} sets one per call): how
     * long the whole call may take, retries and their waits included; when it runs out the
     * exchange is cancelled and the call fails with {@link CsbsTimeoutException}.
     *
     * @param timeout positive, kept in whole milliseconds (rounded up); by default the retry
     *     policy's {@link RetryPolicy#maxTotalTime()} plus the OkHttpClient's connect and read
     *     timeouts (30 s with the defaults), or a shared OkHttpClient's call timeout if it has one
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
      AttemptHeaders.TokenSource tokens =
          tokenSupplier == null ? AttemptHeaders.constant(token) : AttemptHeaders.supplied(tokenSupplier);
      return new CsbsClient(this, url, new Settings(okHttpClient, callTimeout, retryPolicy,
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
