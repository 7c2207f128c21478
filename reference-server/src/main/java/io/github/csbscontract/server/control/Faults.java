package io.github.csbscontract.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults the server applies, in the order they were added: each request takes the first
 * that matches it and is not used up. Thread-safe; with none added, requests take the fast path.
 * At most {@value #CAPACITY} at once: each request looks through them, and the admin API must
 * not let a loop of posts fill the heap.
 */
public final class Faults {

  /** How many faults may wait at once. */
  public static final int CAPACITY = 100;

  /** A fault and how many more requests it applies to. */
  private static final class Active {
    final Fault fault;
    int left;

    Active(Fault fault) {
      this.fault = fault;
      this.left = fault.times();
    }
  }

  private final List<Active> active = new ArrayList<>();
  /** Read without the lock on every request: the common case is that there is nothing to do. */
  private volatile boolean any;

  /**
   * Applies {@code fault} after those already added.
   *
   * @throws IllegalStateException when {@value #CAPACITY} are waiting already
   */
  public synchronized void add(Fault fault) {
    if (active.size() >= CAPACITY) {
      throw new IllegalStateException("faults: at most " + CAPACITY + " at once; clear them first");
    }
    active.add(new Active(java.util.Objects.requireNonNull(fault, "fault == null")));
    any = true;
  }

  /** Removes every fault: the server answers correctly again. */
  public synchronized void clear() {
    active.clear();
    any = false;
  }

  /** The faults still to apply, with what is left of each. */
  public synchronized List<Fault> list() {
    List<Fault> faults = new ArrayList<>();
    for (Active a : active) {
      faults.add(a.left == Fault.ALWAYS ? a.fault : a.fault.times(a.left));
    }
    return faults;
  }

  /**
   * The fault for a request of this project and body, counting it as used; null for none. The
   * reference server calls this for each admitted request; the body is parsed (null when it is
   * not JSON) only when there are faults, and its action is the parsed one, not its bytes.
   */
  public Fault take(String projectId, java.util.function.Supplier<JsonNode> parsedBody) {
    if (!any) {
      return null;
    }
    JsonNode body = parsedBody.get();
    synchronized (this) {
      for (int i = 0; i < active.size(); i++) {
        Active a = active.get(i);
        if (a.fault.matches(projectId, body)) {
          if (a.left != Fault.ALWAYS && --a.left == 0) {
            active.remove(i);
            any = !active.isEmpty();
          }
          return a.fault;
        }
      }
      return null;
    }
  }
}
