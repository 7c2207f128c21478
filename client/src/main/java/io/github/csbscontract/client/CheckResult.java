package io.github.csbscontract.client;

/**
 * The answer for one item, in the order the items were sent.
 *
 * @param passed whether the restore (or backup) is supported
 * @param errorCode the CSBS code when it is not, for example {@code CSBS.6024}; empty otherwise
 * @param errorMsg the reason when it is not; empty otherwise
 * @param resourceId the resource the answer names (for a restore check, the backed-up server)
 * @param resourceType its type, for example {@code OS::Nova::Server}; not a closed set
 */
public record CheckResult(boolean passed, String errorCode, String errorMsg, String resourceId, String resourceType) {}
