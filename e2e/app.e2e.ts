/**
 * The web app in a real browser, against the real server on a temporary SQLite database seeded with the
 * demo: project list → project → ranked talents → explanation → language switch.
 *
 * Needs `npm run build:web` first, and Chromium (CHROMIUM_PATH, default /usr/bin/chromium); without
 * Chromium the suite is reported as skipped. Set E2E_SCREENSHOT_DIR to keep screenshots of each step.
 */
import type { FastifyInstance } from 'fastify';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envToConfig } from '../src/config/env-to-config.js';
import { buildApp } from '../src/http/app.js';
import { createContext, type Context } from '../src/main/create-context.js';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
const WEB_ROOT = fileURLToPath(new URL('../web/dist', import.meta.url));
const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR;

if (!HAS_CHROMIUM) {
  console.warn(`e2e skipped: no Chromium at ${CHROMIUM_PATH}; install it or set CHROMIUM_PATH.`);
}

/** "55.5" or "55,5" (French) → 55.5. */
function parsePoints(text: string | null): number {
  const n = Number((text ?? '').replace(/\s/g, '').replace(',', '.'));
  if (!Number.isFinite(n)) throw new Error(`not a number: "${text}"`);
  return n;
}

describe.skipIf(!HAS_CHROMIUM)(
  HAS_CHROMIUM ? 'web app in Chromium' : `web app in Chromium (SKIPPED: no Chromium at ${CHROMIUM_PATH})`,
  () => {
    let dir: string | undefined;
    let ctx: Context | undefined;
    let app: FastifyInstance | undefined;
    let browser: Browser | undefined;
    let page: Page;
    let baseUrl: string;

    const shot = async (name: string) => {
      if (!SCREENSHOT_DIR) return;
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    };

    beforeAll(async () => {
      if (!existsSync(join(WEB_ROOT, 'index.html'))) {
        throw new Error(`${WEB_ROOT}/index.html is missing: run \`npm run build:web\` before the e2e tests.`);
      }
      dir = mkdtempSync(join(tmpdir(), 'vivier-e2e-'));
      ctx = await createContext(envToConfig({}, { dbFile: join(dir, 'e2e.db') }));
      await ctx.services.demo.seed({ talents: 120, projects: 15, seed: 7 });
      app = await buildApp(ctx, { webRoot: WEB_ROOT });
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      baseUrl = address;
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-quic',
          '--no-first-run',
        ],
      });
      const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
    });

    afterAll(async () => {
      await browser?.close();
      await app?.close();
      await ctx?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('lists projects, ranks and explains talents, and switches to French', async () => {
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));

      // Project list (English: the browser says en-GB and nothing is stored yet).
      await page.goto(baseUrl);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
      await page.getByRole('heading', { level: 1, name: 'AI projects' }).waitFor();
      const items = page.getByTestId('project-item');
      await items.first().waitFor();
      expect(await items.count()).toBe(15);
      await shot('1-projects');

      // Project detail: brief, facts, required skills.
      const first = items.first();
      const projectId = await first.getAttribute('data-project-id');
      expect(projectId).toBeTruthy();
      await first.getByRole('link').click();
      await expect.poll(() => page.url()).toContain(`#/projects/${projectId}`);
      const detail = page.getByTestId('project-detail');
      await detail.waitFor();
      expect((await page.getByTestId('project-brief').textContent())?.length).toBeGreaterThan(10);
      for (const fact of ['project-industry', 'project-function', 'project-status']) {
        expect((await page.getByTestId(fact).textContent())?.trim()).toBeTruthy();
      }
      const requirementIds = await page
        .getByTestId('requirement-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-skill-id')));
      expect(requirementIds.length).toBeGreaterThan(0);

      // Ranked talents.
      const rows = page.getByTestId('match-row');
      await rows.first().waitFor();
      const rowCount = await rows.count();
      expect(rowCount).toBeGreaterThan(0);
      expect(rowCount).toBeLessThanOrEqual(20);
      expect(await rows.first().getByTestId('match-rank').textContent()).toBe('1');

      // Displayed parts add up to the displayed score (one decimal each: within 0.15 points).
      for (let i = 0; i < rowCount; i++) {
        const row = rows.nth(i);
        const score = parsePoints(await row.getByTestId('match-score').textContent());
        const parts =
          parsePoints(await row.getByTestId('match-part-coverage').textContent()) +
          parsePoints(await row.getByTestId('match-part-levelFit').textContent()) +
          parsePoints(await row.getByTestId('match-part-adjacency').textContent());
        expect(Math.abs(parts - score)).toBeLessThanOrEqual(0.15);
      }

      // Explanation of the top talent: one line per required skill, and its sum equals the score.
      const top = rows.first();
      const toggle = top.getByTestId('explain-toggle');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const explanation = page.getByTestId('explanation');
      await explanation.waitFor();
      const explainedIds = await explanation
        .getByTestId('explanation-row')
        .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-skill-id')));
      expect(explainedIds).toEqual(requirementIds);
      const requirementLabels = await page.getByTestId('requirement-row').locator('th').allTextContents();
      expect(await explanation.getByTestId('explanation-skill').allTextContents()).toEqual(requirementLabels);
      const brings = await explanation
        .locator('[data-brings]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-brings')));
      expect(brings).toHaveLength(requirementIds.length);
      expect(brings).toContain('exact');
      const sumScore = parsePoints(await explanation.getByTestId('sum-score').textContent());
      const sumParts =
        parsePoints(await explanation.getByTestId('sum-coverage').textContent()) +
        parsePoints(await explanation.getByTestId('sum-levelFit').textContent()) +
        parsePoints(await explanation.getByTestId('sum-adjacency').textContent());
      expect(Math.abs(sumParts - sumScore)).toBeLessThanOrEqual(0.15);
      expect(sumScore).toBe(parsePoints(await top.getByTestId('match-score').textContent()));
      await shot('2-project-explained');

      // Source filter: only freelancers.
      const freelanceResponse = page.waitForResponse(
        (r) => r.url().includes('/matches') && r.url().includes('source=freelance'),
      );
      await page.getByLabel('Talent source').selectOption('freelance');
      expect((await freelanceResponse).status()).toBe(200);
      await expect
        .poll(async () => new Set(await page.getByTestId('match-source').allTextContents()))
        .toEqual(new Set(['Freelance']));

      // French: UI strings, and the API called with lang=fr for skill labels.
      const frenchMatches = page.waitForResponse(
        (r) => r.url().includes('/matches') && r.url().includes('lang=fr'),
      );
      await page.getByTestId('lang-fr').click();
      expect((await frenchMatches).status()).toBe(200);
      await page.getByRole('heading', { name: 'Compétences requises' }).waitFor();
      await page.getByRole('heading', { name: 'Talents classés' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.getByTestId('lang-fr').getAttribute('aria-pressed')).toBe('true');
      await shot('3-project-fr');

      // The choice is remembered across a reload.
      await page.reload();
      await page.getByRole('heading', { name: 'Talents classés' }).waitFor();
      await page.getByTestId('match-row').first().waitFor();

      expect(pageErrors).toEqual([]);
    });

    it('shows the API error for an unknown project', async () => {
      await page.goto(`${baseUrl}/#/projects/does-not-exist`);
      const error = page.getByTestId('error').first();
      await error.waitFor();
      expect(await error.textContent()).toContain('project "does-not-exist" does not exist');
      await shot('4-error');
    });
  },
);
