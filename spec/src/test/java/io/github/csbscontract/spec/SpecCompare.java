package io.github.csbscontract.spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The designers' comparison of any two spec files (the last release and a pull request's spec,
 * say): prints the compatibility report and exits 1 when a change breaks clients, 0 otherwise,
 * 2 when it cannot compare. Unlike the build's gate it ignores {@code info.version}: a breaking
 * change is reported as one even under a new major version. Run it as the README says:
 * {@code ./mvnw -q -pl spec test-compile exec:java@compare -Dcompare.old=OLD.yaml -Dcompare.new=NEW.yaml}.
 */
public final class SpecCompare {

  private SpecCompare() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** The exit status, the report written to {@code out}. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2 || args[0].isBlank() || args[1].isBlank()) {
      err.println("usage: SpecCompare OLD.yaml NEW.yaml (-Dcompare.old=... -Dcompare.new=...)");
      return 2;
    }
    Path old = Path.of(args[0]);
    Path changed = Path.of(args[1]);
    String oldText;
    String newText;
    try {
      oldText = Files.readString(old);
      newText = Files.readString(changed);
    } catch (IOException | UncheckedIOException e) {
      err.println("cannot read the specs: " + e);
      return 2;
    }
    CompatibilityGate.Verdict verdict;
    try {
      verdict = CompatibilityGate.check(oldText, newText);
    } catch (RuntimeException e) {
      err.println("cannot compare " + old + " with " + changed + ": " + e.getMessage());
      return 2;
    }
    String title = "`" + changed + "` against `" + old + "`";
    out.print(verdict.changes().markdown("API changes: " + title, verdict.compatible()
        ? "**Compatible**: nothing breaks existing clients" : "**Breaking**: existing clients break"));
    return verdict.compatible() ? 0 : 1;
  }
}
