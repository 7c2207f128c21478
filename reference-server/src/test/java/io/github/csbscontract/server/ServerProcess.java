package io.github.csbscontract.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged server jar run as its users run it: {@code java [jvm options] -jar csbs-reference-server.jar}. */
final class ServerProcess implements AutoCloseable {

  static final Path JAR = Path.of("target/csbs-reference-server.jar");
  static final Pattern READY = Pattern.compile("^CSBS reference server listening on (http://127\\.0\\.0\\.1:\\d+/) .*");

  final Process process;
  final BufferedReader out;

  private ServerProcess(Process process) {
    this.process = process;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  static ServerProcess start(List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR + " is built by this module's package phase: run the *IT tests with verify");
    }
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("CSBS_"));
    builder.environment().putAll(env);
    return new ServerProcess(builder.start());
  }

  /** Reads the ready line; fails with what the process said instead. */
  URI awaitReady() throws IOException {
    String first = out.readLine();
    Matcher ready = READY.matcher(first == null ? "" : first);
    if (!ready.matches()) {
      throw new IllegalStateException("not the ready line: " + first + "; stderr: "
          + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    return URI.create(ready.group(1));
  }

  /** SIGTERM alone; {@code Process.destroy()} would also close our end of its output. */
  void terminate() throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();
  }

  int awaitExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new IllegalStateException("still running after " + seconds + " s");
    }
    return process.exitValue();
  }

  String stderr() throws IOException {
    return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }
}
