// Reads ticket metrics from the helpdesk database. No LLM in here.
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.HELPDESK_DB_URL });

export async function countTickets(from: string, to: string, queue?: string): Promise<number> {
  const { rows } = await pool.query(
    'select count(*)::int as n from tickets where opened_at between $1 and $2 and ($3::text is null or queue = $3)',
    [from, to, queue ?? null],
  );
  return rows[0].n as number;
}

export async function slowestTickets(limit: number): Promise<{ id: string; hours: number }[]> {
  const { rows } = await pool.query(
    'select id, extract(epoch from closed_at - opened_at) / 3600 as hours from tickets order by hours desc limit $1',
    [limit],
  );
  return rows;
}
