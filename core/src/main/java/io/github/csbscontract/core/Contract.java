package io.github.csbscontract.core;

/**
 * Facts of the contract that code needs as constants, defined once for every module.
 * {@code ContractTest} holds each to {@code openapi.yaml}.
 */
public final class Contract {

  /** The only {@code provider_id} the API serves: CSBS. */
  public static final String CSBS_PROVIDER_ID = "fc4d5750-22e7-4798-8a46-f48f62c4c1da";

  /** The header that carries the IAM token. */
  public static final String TOKEN_HEADER = "X-Auth-Token";

  /** {@code resource_type} of an ECS. */
  public static final String ECS = "OS::Nova::Server";

  /** {@code resource_type} of a bare-metal server (BMS). */
  public static final String BMS = "OS::Ironic::BareMetalServer";

  /** A project ID: 32 lowercase hexadecimal characters. */
  public static final String PROJECT_ID_PATTERN = "^[0-9a-f]{32}$";

  /** The operation's path template. */
  public static final String OPERATION_PATH = "/v1/{project_id}/providers/{provider_id}/resources/action";

  private Contract() {}
}
