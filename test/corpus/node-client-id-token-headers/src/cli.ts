import { readFile } from 'node:fs/promises';
import { deploy, listProjects, streamLogs } from './api-client';
import { deviceLogin } from './device-login';

const [command, ...args] = process.argv.slice(2);

const tokens = await deviceLogin((message) => console.error(message));

switch (command) {
  case 'projects':
    console.table(await listProjects(tokens));
    break;
  case 'deploy': {
    const deployment = await deploy(tokens, args[0]!, await readFile(args[1]!));
    console.log(`Deployed: ${deployment.url}`);
    for await (const chunk of (await streamLogs(tokens, deployment.id)) ?? []) process.stdout.write(chunk);
    break;
  }
  default:
    console.error('usage: acme <projects|deploy> ...');
    process.exitCode = 2;
}
