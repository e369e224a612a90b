// The UI check: drives the real web workbench with Playwright the way a user would —
// opens a file of the example app, sees the squiggle, opens the Problems panel, the
// GenAI Debt sidebar and the Debt Audit report — and takes a screenshot of each.
// Usage: node scripts/e2e/ui-check.mjs [--update-screenshots] [--keep]
//   Screenshots go to the scratch folder, or to docs/images/ with --update-screenshots.
// Each step counts as one test; ends with "N passed, N failed".
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumArgs, chromiumPath, remoteUri, repoRoot, startHost, withTimeout } from './host.mjs';
import { makeWorkspace } from './suite-io.mjs';

const STEP_MS = 45_000;

async function openWorkbench(page, host, workspace) {
  const payload = [['extensionDevelopmentPath', remoteUri(host.port, repoRoot)], ['skipWelcome', 'true']];
  await page.goto(`${host.base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: STEP_MS });
  await page.locator('.statusbar').waitFor({ timeout: STEP_MS });
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: STEP_MS });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: STEP_MS });
  await page.keyboard.press('Enter');
}

async function openFile(page, relative) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: STEP_MS });
  await input.fill(relative);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: relative.split('/').pop() }).first().waitFor({ timeout: STEP_MS });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[data-resource-name="${relative.split('/').pop()}"]`).waitFor({ timeout: STEP_MS });
}

export async function runUiCheck({ screenshotDir, keep = false } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'genai-debt-e2e-ui-'));
  const shots = screenshotDir ?? join(scratch, 'screenshots');
  mkdirSync(shots, { recursive: true });
  const workspace = makeWorkspace(scratch);
  const consoleLog = join(scratch, 'browser-console.log');
  let passes = 0;
  let failures = 0;
  let host;
  let browser;
  console.log('\n  e2e: ui');
  const step = async (title, body) => {
    const started = Date.now();
    try {
      await withTimeout(body(), STEP_MS * 2, title);
      passes++;
      console.log(`    ✔ ui ${title} (${Date.now() - started} ms)`);
    } catch (error) {
      failures++;
      console.log(`    ✘ ui ${title}\n        ${String(error?.message ?? error).split('\n')[0]}`);
      await page?.screenshot({ path: join(scratch, `failed-${title.replace(/\W+/g, '-')}.png`) }).catch(() => {});
    }
  };
  let page;
  try {
    host = await startHost({ scratch, trusted: true });
    browser = await withTimeout(chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs }),
      60_000, 'Chromium to start');
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    page.on('console', (message) => appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`));
    await step('opens the example workspace', () => openWorkbench(page, host, workspace));
    await step('shows a squiggle in support-bot/app.py', async () => {
      await openFile(page, 'support-bot/app.py');
      await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first()
        .waitFor({ state: 'attached', timeout: STEP_MS });
      await page.screenshot({ path: join(shots, 'editor-squiggle.png') });
    });
    await step('lists the findings in the Problems panel', async () => {
      await runCommand(page, 'View: Focus Problems');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'genai-debt' }).first();
      await row.waitFor({ timeout: STEP_MS });
      await page.screenshot({ path: join(shots, 'problems-panel.png') });
    });
    await step('opens the GenAI Debt sidebar with hotspots', async () => {
      await page.locator('.activitybar .action-item a[aria-label^="GenAI Debt"], .activitybar .action-label[aria-label^="GenAI Debt"]')
        .first().click({ timeout: STEP_MS });
      await page.locator('.sidebar .pane-header', { hasText: /hotspots/i }).first().waitFor({ timeout: STEP_MS });
      await page.locator('.sidebar .monaco-list-row').first().waitFor({ timeout: STEP_MS });
      await page.screenshot({ path: join(shots, 'sidebar.png') });
    });
    await step('opens the Debt Audit report', async () => {
      await runCommand(page, 'GenAI Debt: Run Debt Audit');
      const tab = page.locator('.tabs-container .tab', { hasText: /debt audit/i }).first();
      await tab.waitFor({ timeout: STEP_MS });
      // The report lives in nested webview iframes; wait until its document has content.
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await frame.locator('body *').first().waitFor({ timeout: STEP_MS });
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(shots, 'debt-audit-report.png') });
    });
  } catch (error) {
    failures++;
    console.log(`    ✘ ui: ${error.message}`);
  } finally {
    await browser?.close().catch(() => {});
    await host?.stop();
  }
  console.log(`    ${passes} passed, ${failures} failed${screenshotDir ? `; screenshots in ${shots}` : ''}`);
  if (failures > 0 || keep) console.log(`    logs kept in ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
  return { passes, failures };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const counts = await runUiCheck({
    screenshotDir: argv.includes('--update-screenshots') ? join(repoRoot, 'docs/images') : undefined,
    keep: argv.includes('--keep'),
  });
  console.log(`\n${counts.passes} passed, ${counts.failures} failed`);
  process.exitCode = counts.failures > 0 ? 1 : 0;
}
