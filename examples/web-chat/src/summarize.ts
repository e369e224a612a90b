// Nightly job: summarise yesterday's support conversations for the team lead.
// Two providers side by side: OpenAI drafts, Anthropic checks the draft.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

const openaiClient = new OpenAI();
const anthropic = new Anthropic();

const SUMMARY_INSTRUCTIONS =
  'Summarise these support conversations in at most 10 bullet points. ' +
  'Group them by topic and count how many conversations each topic had. ' +
  'Name no customer.';

export async function summariseConversations(transcripts: string[]): Promise<string> {
  const draft = await openaiClient.responses.create({
    model: 'gpt-4.1-mini',
    instructions: SUMMARY_INSTRUCTIONS,
    input: transcripts.join('\n\n---\n\n'),
  });

  const review = await anthropic.messages.create({
    // Pinned snapshot: this one is fine.
    model: 'claude-sonnet-4-5-20250929',
    max_tokens: 1024,
    system: 'You check summaries for personal data. Return the summary with any name or e-mail removed.',
    messages: [{ role: 'user', content: draft.output_text }],
  });

  const first = review.content[0];
  return first.type === 'text' ? first.text : '';
}
