// MCP server that lets the team's coding assistants query support metrics.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

import { countTickets, slowestTickets } from './metrics';

const server = new McpServer({ name: 'acme-support-metrics', version: '0.3.0' });

server.registerTool(
  'count_tickets',
  {
    title: 'Count tickets',
    description: 'Count support tickets opened between two dates, optionally for one queue.',
    inputSchema: {
      from: z.string().describe('Start date, ISO 8601'),
      to: z.string().describe('End date, ISO 8601'),
      queue: z.string().optional(),
    },
  },
  async ({ from, to, queue }) => ({
    content: [{ type: 'text', text: String(await countTickets(from, to, queue)) }],
  }),
);

// Registered in a hurry: no description, so clients see only the name.
server.registerTool(
  'slowest_tickets',
  {
    inputSchema: { limit: z.number().int().max(50) },
  },
  async ({ limit }) => ({
    content: [{ type: 'text', text: JSON.stringify(await slowestTickets(limit)) }],
  }),
);

await server.connect(new StdioServerTransport());
