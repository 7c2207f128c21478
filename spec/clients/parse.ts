// Reads the answers of answers.json through the generated TypeScript client (typescript-fetch):
// each is served by a local HTTP stub (node:http, 127.0.0.1, a free port) and must parse, or,
// for an error status, give its error body as ErrorResponse. Any case the client cannot read
// fails the program (exit 1). check.sh compiles it (tsconfig.parse.json) and runs it with Node.
import {
  Configuration, ErrorResponseFromJSON, ResourcesApi, ResponseError, type CheckResourceCapabilitiesProviderIdEnum,
  type CheckResp, type ResourceActionRequest,
} from '../target/clients/typescript';

// Node's own modules, without @types/node (nothing but TypeScript is installed for the checks).
declare const require: (module: string) => any;
declare const process: { argv: string[]; exitCode?: number };
const http = require('node:http');
const fs = require('node:fs');

interface Case {
  name: string;
  action: 'check_restorable' | 'check_protectable';
  status: number;
  headers: Record<string, string>;
  body: unknown;
  expect: {
    results?: boolean[]; resource_ids?: string[]; error_codes?: string[]; error_msg_lengths?: number[];
    error_code?: string; error_msg_length?: number;
  };
}

function serve(answer: Case): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((request: any, response: any) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(answer.status, { ...answer.headers, 'Content-Type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

function request(action: Case['action']): ResourceActionRequest {
  return action === 'check_protectable'
    ? { checkProtectable: [{ resourceId: '5aa119a8-d25b-45a7-8d1b-88e127885635', resourceType: 'OS::Nova::Server' }] }
    : {
      checkRestorable: [{
        checkpointItemId: '8986ce68-3da7-4d29-9cc2-1921e9504975',
        target: {
          resourceType: 'OS::Nova::Server',
          resourceId: '5aa119a8-d25b-45a7-8d1b-88e127885635',
          volumes: [{ backupId: '7ea119a8-d25b-43a7-8d1b-88e12788513a', volumeId: '45baf976-c20a-4894-a7c3-c94b7376bf55' }],
        },
      }],
    };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function check(answer: Case): Promise<string> {
  const stub = await serve(answer);
  try {
    const api = new ResourcesApi(new Configuration({ basePath: stub.url, apiKey: 'demo-token-project-a' }));
    let items: CheckResp[];
    try {
      const parsed = await api.checkResourceCapabilities({
        projectId: '0605767ab000d4c12f3bc0033d9d5d06',
        providerId: 'fc4d5750-22e7-4798-8a46-f48f62c4c1da' as CheckResourceCapabilitiesProviderIdEnum,
        resourceActionRequest: request(answer.action),
      });
      items = (answer.action === 'check_protectable' ? parsed.protectable : parsed.restorable) ?? [];
    } catch (e) {
      if (answer.status < 400) {
        return `the answer was refused: ${e}`;
      }
      if (!(e instanceof ResponseError)) {
        return `want the client's ResponseError for status ${answer.status}, got ${e}`;
      }
      const body = ErrorResponseFromJSON(await e.response.json());
      return body.errorCode === answer.expect.error_code && body.errorMsg.length === answer.expect.error_msg_length
        ? '' : `read ${body.errorCode} with a ${body.errorMsg.length}-character message`;
    }
    if (answer.status >= 400) {
      return `status ${answer.status} was read as a success`;
    }
    const read = {
      results: items.map((i) => i.result), resource_ids: items.map((i) => i.resourceId ?? ''),
      error_codes: items.map((i) => i.errorCode ?? ''), error_msg_lengths: items.map((i) => (i.errorMsg ?? '').length),
    };
    const want = {
      results: answer.expect.results, resource_ids: answer.expect.resource_ids,
      error_codes: answer.expect.error_codes, error_msg_lengths: answer.expect.error_msg_lengths,
    };
    return same(read, want) ? '' : `read ${JSON.stringify(read)}`;
  } finally {
    stub.close();
  }
}

async function main(): Promise<void> {
  const cases: Case[] = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')).cases;
  if (!cases || cases.length === 0) {
    throw new Error(`no cases in ${process.argv[2]}`);
  }
  let failed = 0;
  for (const answer of cases) {
    const problem = await check(answer);
    console.log(`   ${problem ? 'FAIL' : 'ok  '} TypeScript: ${answer.name}${problem ? `: ${problem}` : ''}`);
    failed += problem ? 1 : 0;
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
