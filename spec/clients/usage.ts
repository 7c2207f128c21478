// What a TypeScript user of the generated client (typescript-fetch) writes, type-checked against
// it by check.sh. The @ts-expect-error lines are what the types refuse; each must stay an error
// (tsc fails on an unused one), so a spec change that loosens them shows here.
import {
  CheckResourceCapabilitiesProviderIdEnum, Configuration, ResourcesApi, type CheckResp, type ResourceActionRequest,
} from '@csbs/client';

const api = new ResourcesApi(new Configuration({
  basePath: 'http://127.0.0.1:8080',
  apiKey: 'demo-token-project-a',
}));

// The reference page's request.
const seed: ResourceActionRequest = {
  checkRestorable: [{
    checkpointItemId: '8986ce68-3da7-4d29-9cc2-1921e9504975',
    target: {
      resourceType: 'OS::Nova::Server',
      resourceId: '5aa119a8-d25b-45a7-8d1b-88e127885635',
      volumes: [{ backupId: '7ea119a8-d25b-43a7-8d1b-88e12788513a', volumeId: '45baf976-c20a-4894-a7c3-c94b7376bf55' }],
    },
  }],
};

// "Exactly one action" is a bound of the schema (minProperties/maxProperties 1), not a type:
// both keys, or neither, type-check, and the server answers 400 CSBS.9001.
const both: ResourceActionRequest = { checkRestorable: seed.checkRestorable, checkProtectable: [] };
const neither: ResourceActionRequest = {};

// Mandatory fields are types.
// @ts-expect-error: an item without its target
const noTarget: ResourceActionRequest = { checkRestorable: [{ checkpointItemId: '8986ce68-3da7-4d29-9cc2-1921e9504975' }] };

export async function restorable(): Promise<string[]> {
  const answer = await api.checkResourceCapabilities({
    projectId: '0605767ab000d4c12f3bc0033d9d5d06',
    providerId: CheckResourceCapabilitiesProviderIdEnum.CSBS,
    resourceActionRequest: seed,
  });
  // Responses are tolerant: only `result` is sure to be there.
  return (answer.restorable ?? []).map((item: CheckResp) =>
    item.result ? 'restorable' : `${item.errorCode ?? ''} ${item.errorMsg ?? ''}`);
}

export const examples = [both, neither, noTarget];
