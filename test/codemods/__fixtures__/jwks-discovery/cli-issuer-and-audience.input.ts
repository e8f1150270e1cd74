import { readFileSync } from 'node:fs';
import { jwtVerify, importSPKI } from 'jose';

const key = await importSPKI(readFileSync('./keys/okta.pem', 'utf8'), 'RS256');

export async function subjectOf(token: string): Promise<string | undefined> {
  return (await jwtVerify(token, key)).payload.sub;
}
