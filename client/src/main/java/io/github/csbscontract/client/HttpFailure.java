package io.github.csbscontract.client;

import java.util.List;
import java.util.Map;

/** What an error answer carried, for the constructors of {@link CsbsHttpException} and its subtypes. */
record HttpFailure(String context, int status, String errorCode, String errorMsg, String requestId,
    String bodySnippet, Map<String, List<String>> headers, int attempts) {}
