// The tools this MCP server offers, and what each answers.
export const tools = [
  { name: 'list_orders', description: 'Lists the orders of the caller', inputSchema: { type: 'object', properties: {} } },
];

export function callTool(name, caller) {
  if (name !== 'list_orders') throw Object.assign(new Error(`unknown tool ${name}`), { code: -32602 });
  return { content: [{ type: 'text', text: JSON.stringify({ orders: [], caller: caller.client_id ?? caller.sub }) }] };
}
