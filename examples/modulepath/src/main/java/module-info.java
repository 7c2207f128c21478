/** A user's application: it names the client's module and nothing else of ours or OkHttp's. */
module example.modulepath {
  requires io.github.csbscontract.client;

  exports example.modulepath;
}
