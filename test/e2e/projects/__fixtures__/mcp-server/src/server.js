// A Model Context Protocol server over HTTP: JSON-RPC 2.0 requests in POST /mcp, each with a bearer token.
import { createServer } from 'node:http';
import { authenticate } from './auth.js';
import { callTool, tools } from './tools.js';

function send(response, status, body, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

async function readJson(request) {
  let text = '';
  for await (const chunk of request) text += chunk;
  return JSON.parse(text);
}

function answer(message, caller) {
  switch (message.method) {
    case 'initialize':
      return { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'orders', version: '1.0.0' } };
    case 'tools/list':
      return { tools };
    case 'tools/call':
      return callTool(message.params?.name, caller);
    default:
      throw Object.assign(new Error(`unknown method ${message.method}`), { code: -32601 });
  }
}

const server = createServer(async (request, response) => {
  if (request.method === 'GET' && request.url === '/health') return send(response, 200, { ok: true });
  if (request.method !== 'POST' || request.url !== '/mcp') return send(response, 404, { error: 'not_found' });
  let caller;
  try {
    caller = await authenticate(request.headers.authorization);
  } catch {
    return send(response, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer error="invalid_token"' });
  }
  let message;
  try {
    message = await readJson(request);
  } catch {
    return send(response, 400, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'parse error' } });
  }
  try {
    send(response, 200, { jsonrpc: '2.0', id: message.id, result: answer(message, caller) });
  } catch (error) {
    send(response, 200, { jsonrpc: '2.0', id: message.id, error: { code: error.code ?? -32603, message: error.message } });
  }
});

server.listen(Number(process.env.PORT || 3000), '127.0.0.1');
