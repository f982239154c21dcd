// `npm run api-types`: TypeScript types of each service's API, src/api/<service>.ts, from its OpenAPI document
// ../docs/openapi/<service>.json (openapi-typescript). Run by hand when a document changes; not part of the build.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

const SERVICES = ['auth-service', 'user-service', 'transaction-service', 'report-service', 'notification-service'];
const docs = new URL('../../docs/openapi/', import.meta.url);
const out = new URL('../src/api/', import.meta.url);

const missing = SERVICES.filter((service) => !existsSync(new URL(`${service}.json`, docs)));
if (missing.length > 0) {
  console.error(`api-types: no OpenAPI document for ${missing.join(', ')} in ${docs.pathname}`);
  process.exit(1);
}
await mkdir(out, { recursive: true });
for (const service of SERVICES) {
  const ast = await openapiTS(new URL(`${service}.json`, docs));
  await writeFile(new URL(`${service}.ts`, out), COMMENT_HEADER + astToString(ast));
  console.log(`api-types: src/api/${service}.ts`);
}
