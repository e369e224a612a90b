import assert from 'node:assert/strict';
import { escapeHtml, renderReportPage } from '../../../src/extension/report-html';
import { buildReportModel } from '../../../src/report/model';
import { redactDeep } from '../../../src/report/redact';
import { rules } from '../../../src/rules';
import { auditExamples, copy } from '../report/example-audit';

async function page(mutate?: (audit: Awaited<ReturnType<typeof auditExamples>>) => void): Promise<string> {
  const audit = copy(await auditExamples());
  mutate?.(audit);
  return renderReportPage({ model: buildReportModel(redactDeep(audit), { rules }), folderName: 'examples', cspSource: 'vscode-resource:', nonce: 'abc123', auditedAt: 'now' });
}

describe('extension: the Debt Audit webview page', () => {
  it('has a strict CSP: nothing by default, scripts and styles only with the nonce', async () => {
    const html = await page();
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    assert.match(csp, /^default-src 'none';/);
    assert.match(csp, /script-src 'nonce-abc123'/);
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0], '<script nonce="abc123">');
    assert.ok(!/\son[a-z]+="/.test(html), 'no inline event handlers');
    assert.ok(!/\sstyle="/.test(html), 'no inline style attributes');
  });

  it('links every open item back to its code', async () => {
    const html = await page();
    const audit = await auditExamples();
    const links = [...html.matchAll(/class="loc" data-file="([^"]+)" data-line="(\d+)"/g)].map((m) => `${m[1]}:${m[2]}`);
    for (const finding of audit.findings.filter((f) => f.file && !f.acknowledged)) assert.ok(links.includes(`${finding.file}:${finding.line}`), `${finding.file}:${finding.line} is linked`);
    assert.match(html, /<button id="export">Export…<\/button>/);
  });

  it('escapes what the code says and never shows a key', async () => {
    const html = await page((audit) => {
      audit.findings[0].message = 'prompt says <script>alert(1)</script> and key sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD';
    });
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!html.includes('abcdefghijklmnopqrstuvwxyz0123456789'));
    assert.equal(escapeHtml(`"a" & 'b'`), '&quot;a&quot; &amp; &#39;b&#39;');
  });
});
