package io.github.csbscontract.client;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The calls' deadlines: the outermost interceptor registers each call with its deadline (from its
 * {@link CallState}) for as long as its attempts, their bodies and the waits between them last,
 * and a daemon thread cancels the calls whose deadline has passed.
 *
 * <p>Not OkHttp's call timeout, which does the same with an {@code okio.AsyncTimeout}: that one
 * signals its watchdog thread on every call (a wake-up on the other core, where the server may
 * be), which cost a call to a local server about 5 % more than the same call without it
 * (BENCHMARKS.md, "Client overhead"). Registering here is a put into a concurrent set; the thread
 * looks at the set every {@link #TICK_NANOS} while calls are in flight, so a deadline is met to
 * within that. Once no call has been in flight for {@link #LINGER_NANOS} the thread ends, and the
 * next call starts another: a client that is never closed keeps no thread while it is idle.
 */
final class Deadlines implements Interceptor, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(CsbsClient.class.getName());
  /** How late a deadline may be noticed. */
  static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  /** How long the thread stays after the last call ended. */
  static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** A call in flight and when it must end. */
  private record Watched(Call call, CallState state, long dueNanos) {}

  private final Set<Watched> inFlight = ConcurrentHashMap.newKeySet();
  private final String threadName;
  /** Whether a thread is watching (or about to): set by whoever starts one, cleared by it as it ends. */
  private final AtomicBoolean watching = new AtomicBoolean();
  private volatile Thread watcher;
  private volatile boolean closed;

  /** Starts no thread: the first call does. */
  Deadlines(String threadName) {
    this.threadName = threadName;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    CallState state = chain.request().tag(CallState.class);
    if (state == null || state.deadlineMillis() <= 0) {
      return chain.proceed(chain.request());
    }
    Watched watched = new Watched(chain.call(), state, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(state.deadlineMillis()));
    inFlight.add(watched);
    if (closed) {
      // The thread has ended, or is ending: nothing would keep this deadline.
      inFlight.remove(watched);
      throw new IOException("Canceled");
    }
    if (!watching.get() && watching.compareAndSet(false, true)) {
      Thread thread = new Thread(this::watch, threadName);
      thread.setDaemon(true);
      watcher = thread;
      thread.start();
    }
    try {
      return chain.proceed(chain.request());
    } finally {
      inFlight.remove(watched);
    }
  }

  /** For tests: how many calls are registered now. */
  int inFlight() {
    return inFlight.size();
  }

  private void watch() {
    long lastBusy = System.nanoTime();
    while (!closed) {
      long now = System.nanoTime();
      long nextDue = now + TICK_NANOS;
      for (Watched watched : inFlight) {
        if (now - watched.dueNanos() >= 0) {
          inFlight.remove(watched);
          // Marked before the cancel, so that the failure it causes is reported as the timeout.
          watched.state().deadlinePassed();
          cancel(watched.call());
        } else if (watched.dueNanos() - nextDue < 0) {
          nextDue = watched.dueNanos();
        }
      }
      if (!inFlight.isEmpty()) {
        lastBusy = now;
      } else if (now - lastBusy > LINGER_NANOS) {
        watching.set(false);
        // A call registered before the flag went down saw it up and started no thread, so look
        // once more: stay for it, unless a call since then has started a thread of its own.
        if (inFlight.isEmpty() || !watching.compareAndSet(false, true)) {
          return;
        }
        lastBusy = now;
        continue;
      }
      LockSupport.parkNanos(this, Math.max(0, nextDue - now));
    }
  }

  /**
   * Cancels a call whatever a shared client's EventListener does: OkHttp tells it of the cancel
   * from within cancel(), after the exchange is cut, and what the application's listener throws
   * must neither end this thread (the calls after it would run with no deadline kept, against a
   * trickling server for ever) nor stop close() halfway (the other calls left running).
   */
  static void cancel(Call call) {
    try {
      call.cancel();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "cancelling a call threw {0} (an EventListener's?); it is cancelled all the same",
          e.getClass().getName());
    }
  }

  /**
   * Ends the thread, waiting for it a moment. A call that starts from now on fails at once;
   * the client's close() cancels those in flight, after this, so that none slips in between.
   */
  @Override
  public void close() {
    closed = true;
    Thread thread = watcher;
    if (thread != null) {
      LockSupport.unpark(thread);
      try {
        thread.join(TimeUnit.SECONDS.toMillis(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
