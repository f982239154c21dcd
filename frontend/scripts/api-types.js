// `npm run api-types`: TypeScript types of each service's API, src/api/<service>.ts, from its OpenAPI document
// ../docs/openapi/<service>.json (openapi-typescript). src/api/ is generated, not committed: `build`, `test`, `lint`
// and `dev` run this first (their `pre…` scripts). When the documents, this script and the generator's version are
// those of the last run (their hash in src/api/.inputs), the files are left as they are.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const SERVICES = ['auth-service', 'user-service', 'transaction-service', 'report-service', 'notification-service'];
const docs = new URL('../../docs/openapi/', import.meta.url);
const out = new URL('../src/api/', import.meta.url);
const stamp = new URL('.inputs', out);

const missing = SERVICES.filter((service) => !existsSync(new URL(`${service}.json`, docs)));
if (missing.length > 0) {
  console.error(`api-types: no OpenAPI document for ${missing.join(', ')} in ${docs.pathname}`);
  process.exit(1);
}

const generator = createRequire(import.meta.url)('openapi-typescript/package.json').version;
const hash = createHash('sha256')
  .update(`openapi-typescript ${generator}\n`)
  .update(readFileSync(new URL(import.meta.url)));
for (const service of SERVICES) hash.update(`\n${service}\n`).update(readFileSync(new URL(`${service}.json`, docs)));
const inputs = hash.digest('hex');

const generated = SERVICES.every((service) => existsSync(new URL(`${service}.ts`, out)));
if (generated && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === inputs) {
  console.log('api-types: src/api/ is up to date');
  process.exit(0);
}

const { default: openapiTS, astToString, COMMENT_HEADER } = await import('openapi-typescript');
await mkdir(out, { recursive: true });
for (const service of SERVICES) {
  const ast = await openapiTS(new URL(`${service}.json`, docs));
  await writeFile(new URL(`${service}.ts`, out), COMMENT_HEADER + astToString(ast));
  console.log(`api-types: src/api/${service}.ts`);
}
await writeFile(stamp, `${inputs}\n`);
