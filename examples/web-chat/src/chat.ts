// Streaming chat endpoint of the Acme web shop (Next.js route handler).
// Uses the Vercel AI SDK; the model id is the moving alias "gpt-4o".
import { openai } from '@ai-sdk/openai';
import { streamText, tool, stepCountIs, type ModelMessage } from 'ai';
import { z } from 'zod';

import { searchCatalog, getCart } from './shop';

const SYSTEM_PROMPT = `You are the shopping assistant of the Acme web shop.
Recommend products only from the catalog search results; never invent a product.
Prices are in EUR and include VAT. Do not offer discounts.
If the customer asks about an existing order, send them to the support page.`;

export async function POST(request: Request): Promise<Response> {
  const { messages, locale }: { messages: ModelMessage[]; locale: string } = await request.json();

  const result = streamText({
    model: openai('gpt-4o'),
    // Request data spliced into the system prompt.
    system: `${SYSTEM_PROMPT}\nAnswer in the locale ${locale}.`,
    messages,
    stopWhen: stepCountIs(5),
    tools: {
      searchCatalog: tool({
        description: 'Search the product catalog by free text; returns at most 10 products.',
        inputSchema: z.object({
          query: z.string().describe('What the customer is looking for'),
          maxPriceEur: z.number().optional(),
        }),
        execute: async ({ query, maxPriceEur }) => searchCatalog(query, maxPriceEur),
      }),
      getCart: tool({
        description: "Show the items in the customer's cart.",
        inputSchema: z.object({ cartId: z.string() }),
        execute: async ({ cartId }) => getCart(cartId),
      }),
    },
  });

  return result.toUIMessageStreamResponse();
}
