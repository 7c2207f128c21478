package io.github.csbscontract.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One check, ready to run: {@link #execute()} on the caller's thread, or {@link #enqueue()} on the
 * client's I/O threads. Made by {@link CsbsClient#checkRestorable(RestoreItem...)} and
 * {@link CsbsClient#checkProtectable(ProtectItem...)}; nothing is checked or sent before one of
 * the two is called.
 *
 * <pre>
 * List&lt;CheckResult&gt; results = csbs.checkProtectable(ProtectItem.server(serverId)).execute();
 * csbs.checkRestorable(item).callTimeout(Duration.ofSeconds(2)).enqueue()
 *     .thenAccept(results -&gt; ...);
 * </pre>
 *
 * <p>Immutable: {@link #callTimeout(Duration)} returns a new call, and each {@code execute()} or
 * {@code enqueue()} is an exchange of its own (the items are the ones given when the call was
 * made). Either may be called more than once, from any thread.
 */
public final class CheckCall {

  private final CsbsClient client;
  private final CsbsClient.Operation operation;
  private final List<?> items;
  private final Duration callTimeout;

  private CheckCall(CsbsClient client, CsbsClient.Operation operation, List<?> items, Duration callTimeout) {
    this.client = client;
    this.operation = operation;
    this.items = items;
    this.callTimeout = callTimeout;
  }

  /** A copy that keeps null items for validation to name, and a null list as null. */
  static CheckCall of(CsbsClient client, CsbsClient.Operation operation, List<?> items) {
    return new CheckCall(client, operation, items == null ? null : new ArrayList<>(items), null);
  }

  static CheckCall of(CsbsClient client, CsbsClient.Operation operation, Object[] items) {
    return of(client, operation, items == null ? null : Arrays.asList(items));
  }

  /**
   * This call with a deadline of its own, in place of the client's
   * ({@link CsbsClient.Builder#callTimeout(Duration)}). It covers the call's attempts and the
   * waits between them (an asynchronous call's from when it leaves the queue); when it runs out
   * the exchange is cancelled, its place among the concurrent requests freed, and the call fails
   * with {@link CsbsTimeoutException}.
   *
   * @param timeout positive; kept in whole milliseconds, rounded up
   * @return a new call; this one is unchanged
   * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
   */
  public CheckCall callTimeout(Duration timeout) {
    return new CheckCall(client, operation, items, RetryPolicy.positive("callTimeout", timeout));
  }

  /**
   * Runs the call on this thread.
   *
   * @return one result per item, in the items' order
   * @throws CsbsException on any failure; {@link CsbsValidationException} for a null or invalid
   *     item, before anything is sent
   */
  public List<CheckResult> execute() {
    return client.execute(this);
  }

  /**
   * Runs the call on the client's I/O threads; never throws.
   *
   * @return a future completed with one result per item, or with the {@link CsbsException}
   *     {@link #execute()} would throw; cancelling it (or {@code orTimeout}) cancels the exchange
   *     and frees its place among the concurrent requests
   */
  public CompletableFuture<List<CheckResult>> enqueue() {
    return client.enqueue(this);
  }

  CsbsClient.Operation operation() {
    return operation;
  }

  /** May be null, or hold nulls: validation refuses both. */
  List<?> items() {
    return items;
  }

  /** Null for the client's. */
  Duration timeout() {
    return callTimeout;
  }

  @Override
  public String toString() {
    return "CheckCall[" + operation.action + ", " + (items == null ? "no" : items.size()) + " items]";
  }
}
