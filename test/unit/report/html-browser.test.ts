import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { renderReport } from '../../../src/report/index';
import type { AuditJson } from '../../../src/report/json';
import { ARTIFACTS, auditExamples, copy } from './example-audit';

/** Chromium from the distribution (`apt-get install chromium`; .ci/run installs it). */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'];

describe('HTML report in headless Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let audit: AuditJson;

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    audit = copy(await auditExamples());
    // One finding in the ledger, so the screenshot shows the "Acknowledged debt" section too.
    audit.findings[audit.findings.length - 1].acknowledged = { reason: 'the notebook is a scratchpad, never deployed', ticket: 'AI-231' };
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => browser?.close());

  it('renders from a file: URL with no console error and no request but the page itself; saves screenshots', async () => {
    const path = join(ARTIFACTS, 'report.html');
    writeFileSync(path, renderReport(audit, 'html'));
    const url = pathToFileURL(path).href;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`); });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    await page.goto(url, { waitUntil: 'load' });

    assert.deepEqual(problems, []);
    assert.deepEqual(requests, [url], 'nothing fetched but the report itself');
    const text = await page.innerText('main');
    for (const finding of audit.findings) assert.ok(text.includes(finding.message.replace(/`/g, '')), `visible: ${finding.message}`);
    const barWidths = await page.$$eval('.bar-track span', (spans) => spans.map((span) => span.getBoundingClientRect().width));
    assert.ok(barWidths.length >= 2, 'the charts draw bars');
    assert.ok(barWidths.every((width) => width > 0), 'every bar segment is visible');
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });

    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(ARTIFACTS, 'report-print.png'), fullPage: true });
    await page.pdf({ path: join(ARTIFACTS, 'report.pdf'), format: 'A4', printBackground: true });
    assert.deepEqual(problems, [], 'printing raises nothing either');
    await page.close();
  });
});
