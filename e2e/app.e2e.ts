/**
 * The web app in a real browser, against the real server on a temporary SQLite database seeded with the
 * demo: project list → project → ranked talents → explanation → language switch; the dashboard (skills gap
 * headline, charts, drill-downs, upskilling, trends); a project's readiness and a proposed team.
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

/** "40%" or "40 %" (French, narrow no-break space) → 0.4. */
function parsePercent(text: string | null): number {
  const m = /^(-?\d+(?:[.,]\d+)?)\s?%$/.exec((text ?? '').trim());
  if (!m?.[1]) throw new Error(`not a percentage: "${text}"`);
  return Number(m[1].replace(',', '.')) / 100;
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

      // Project detail: brief, facts, required skills. Must-have skills exclude talents, so pick a project
      // whose ranking has employees and freelancers, enough for the filters to change it.
      const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-project-id') ?? ''));
      let projectId = '';
      for (const id of ids) {
        const ranked = (await (
          await page.request.get(`${baseUrl}/api/projects/${id}/matches?top=20`)
        ).json()) as { matches: { source: string }[] };
        const sources = new Set(ranked.matches.map((m) => m.source));
        if (ranked.matches.length >= 4 && sources.size === 2) {
          projectId = id;
          break;
        }
      }
      expect(projectId).toBeTruthy();
      const first = page.locator(`[data-testid="project-item"][data-project-id="${projectId}"]`);
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

      // The score as stacked parts, with a legend of the eight parts.
      const PARTS = [
        'coverage',
        'levelFit',
        'adjacency',
        'vertical',
        'trackRecord',
        'availability',
        'budget',
        'breadth',
      ];
      const legend = page.getByTestId('parts-legend');
      await legend.waitFor();
      expect(await legend.locator('li').count()).toBe(PARTS.length);
      expect(await legend.textContent()).toContain('Track record');
      expect(await rows.first().getByTestId('parts-bar').locator('span').count()).toBe(PARTS.length);

      // Displayed parts add up to the displayed score (one decimal each: within 0.05 per part).
      for (let i = 0; i < rowCount; i++) {
        const row = rows.nth(i);
        const score = parsePoints(await row.getByTestId('match-score').textContent());
        let parts = 0;
        for (const part of PARTS)
          parts += parsePoints(await row.getByTestId(`match-part-${part}`).textContent());
        expect(Math.abs(parts - score)).toBeLessThanOrEqual(0.05 * (PARTS.length + 1));
      }

      // The best change of each talent, as "Level 3 in Kubernetes: +12.0 pts" (points, like the score).
      const COUNTERFACTUAL_EN =
        /^(Level \d in .+|Add .+ at level \d|Full-time availability): \+\d+\.\d\d? pts$/;
      const bestChanges = await page.getByTestId('match-best-change').allTextContents();
      const withChange = bestChanges.findIndex((text) => text !== '—');
      expect(withChange).toBeGreaterThanOrEqual(0);
      for (const text of bestChanges) if (text !== '—') expect(text).toMatch(COUNTERFACTUAL_EN);

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
      // The profile explanation: one line per non-skill part, saying what it read.
      const profileRows = explanation.getByTestId('profile-row');
      expect(await profileRows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-part')))).toEqual([
        'vertical',
        'trackRecord',
        'availability',
        'budget',
        'breadth',
      ]);
      expect(await explanation.getByTestId('profile-availability').textContent()).toMatch(
        /of the project’s \d+ working days?/,
      );
      expect(await explanation.getByTestId('profile-budget').textContent()).toMatch(/€/);
      const sumScore = parsePoints(await explanation.getByTestId('sum-score').textContent());
      let sumParts = 0;
      for (const part of PARTS)
        sumParts += parsePoints(await explanation.getByTestId(`sum-${part}`).textContent());
      expect(Math.abs(sumParts - sumScore)).toBeLessThanOrEqual(0.05 * (PARTS.length + 1));
      expect(sumScore).toBe(parsePoints(await top.getByTestId('match-score').textContent()));
      // Counterfactuals of a talent who has one.
      const withChangeRow = rows.nth(withChange);
      if (withChange !== 0) await withChangeRow.getByTestId('explain-toggle').click();
      const changesId = await withChangeRow.getByTestId('explain-toggle').getAttribute('aria-controls');
      // By attribute: React's generated ids are not valid CSS identifiers.
      const changes = page.locator(`[id="${changesId}"]`).getByTestId('counterfactual');
      await changes.first().waitFor();
      expect(await changes.first().textContent()).toBe(bestChanges[withChange]);
      for (const text of await changes.allTextContents()) expect(text).toMatch(COUNTERFACTUAL_EN);
      await shot('2-project-explained');

      // A filter re-queries and changes the list: a maximum daily rate at the median of the ranked talents.
      const shownIds = () => rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-talent-id') ?? ''));
      const before = await shownIds();
      const ranked = (await (
        await page.request.get(`${baseUrl}/api/projects/${projectId}/matches?top=20`)
      ).json()) as { matches: { talentId: string; profile: { budget: { dailyCost: number } } }[] };
      const costs = ranked.matches.map((m) => m.profile.budget.dailyCost).sort((a, b) => a - b);
      const maxRate = Math.floor(costs[Math.floor(costs.length / 2) - 1]!);
      const rateResponse = page.waitForResponse(
        (r) => r.url().includes('/matches') && r.url().includes(`maxRate=${maxRate}`),
      );
      await page.getByTestId('filter-max-rate').fill(String(maxRate));
      expect((await rateResponse).status()).toBe(200);
      const expected = (await (
        await page.request.get(`${baseUrl}/api/projects/${projectId}/matches?top=20&maxRate=${maxRate}`)
      ).json()) as { matches: { talentId: string }[] };
      await expect.poll(shownIds).toEqual(expected.matches.map((m) => m.talentId));
      expect(await shownIds()).not.toEqual(before);
      await shot('2b-project-filtered');
      await page.getByTestId('filter-clear').click();
      await expect.poll(shownIds).toEqual(before);

      // Source filter: only freelancers.
      const freelanceResponse = page.waitForResponse(
        (r) => r.url().includes('/matches') && r.url().includes('source=freelance'),
      );
      await page.getByLabel('Talent source').selectOption('freelance');
      expect((await freelanceResponse).status()).toBe(200);
      await expect
        .poll(async () => new Set(await page.getByTestId('match-source').allTextContents()))
        .toEqual(new Set(['Freelance']));
      await page.getByLabel('Talent source').selectOption('all');
      await expect.poll(shownIds).toEqual(before);

      // Weights: saving the organization's weights re-ranks; restoring the defaults ranks as before.
      await page.getByTestId('weights-toggle').click();
      const coverageWeight = page.getByTestId('weight-coverage');
      await expect.poll(() => coverageWeight.inputValue()).toBe('40');
      await coverageWeight.fill('80');
      const saved = page.waitForResponse(
        (r) => r.url().includes('/api/settings/matching-weights') && r.request().method() === 'PUT',
      );
      const reranked = page.waitForResponse((r) => r.url().includes('/matches'));
      await page.getByTestId('weights-save').click();
      expect((await saved).status()).toBe(200);
      expect((await reranked).status()).toBe(200);
      await page.getByTestId('weights-saved').waitFor();
      expect(await page.getByTestId('legend-coverage').textContent()).toMatch(/up to 5\d/);
      const restored = page.waitForResponse(
        (r) => r.url().includes('/api/settings/matching-weights') && r.request().method() === 'PUT',
      );
      await page.getByTestId('weights-reset').click();
      expect((await restored).status()).toBe(200);
      await expect.poll(() => coverageWeight.inputValue()).toBe('40');

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
      // Counterfactuals in French: "Niveau 3 en Kubernetes : +12,0 pts".
      await expect
        .poll(async () =>
          (await page.getByTestId('match-best-change').allTextContents()).find((x) => x !== '—'),
        )
        .toMatch(
          /^(Niveau \d en .+|Acquérir .+ au niveau \d|Disponibilité à temps plein) : \+\d+,\d\d? pts$/,
        );
      await shot('3-project-fr');

      // The choice is remembered across a reload.
      await page.reload();
      await page.getByRole('heading', { name: 'Talents classés' }).waitFor();
      await page.getByTestId('match-row').first().waitFor();

      expect(pageErrors).toEqual([]);
    });

    it('shows the skills gap dashboard with charts, drill-downs and upskilling', async () => {
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));

      await page.goto(`${baseUrl}/#/dashboard`);
      await page.getByTestId('lang-en').click(); // the previous test left French in storage
      await page.getByRole('heading', { level: 1, name: 'Skills gap and demand' }).waitFor();
      expect(await page.getByTestId('nav-dashboard').getAttribute('aria-current')).toBe('page');

      // Headline: the share of the 10 most demanded skills nobody holds, employees alone and with freelancers.
      const api = await (await page.request.get(`${baseUrl}/api/gaps?headlineTop=10&lang=en`)).json();
      const employeesShare = page.getByTestId('headline-share-employees');
      await employeesShare.waitFor();
      const employees = parsePercent(await employeesShare.textContent());
      const all = parsePercent(await page.getByTestId('headline-share-all').textContent());
      expect(employees).toBeCloseTo(api.headline.shareAbsentEmployees, 2);
      expect(all).toBeCloseTo(api.headline.shareAbsentAll, 2);
      expect(all).toBeLessThanOrEqual(employees);

      // Charts are rendered (SVG), each with a text alternative.
      for (const id of ['domain-gap-chart', 'domain-trend-chart']) {
        const figure = page.getByTestId(id);
        await figure.locator('svg.recharts-surface').first().waitFor();
        expect(await figure.getByTestId('chart').getAttribute('role')).toBe('img');
        expect((await figure.getByTestId('chart').getAttribute('aria-label'))?.length).toBeGreaterThan(10);
      }
      await page.waitForTimeout(800); // let the charts' entry animation end before the screenshot
      await shot('5-dashboard');

      // N = 20 asks the API again.
      const top20 = page.waitForResponse(
        (r) => r.url().includes('/api/gaps') && r.url().includes('headlineTop=20'),
      );
      await page.getByTestId('headline-top-20').click();
      expect((await top20).status()).toBe(200);
      await page.getByRole('heading', { name: /Of the 20 most demanded skills/ }).waitFor();
      expect(await page.getByTestId('headline-top-20').getAttribute('aria-pressed')).toBe('true');

      // Drill-down: the projects behind the demand of the most short skill.
      const first = page.getByTestId('shortage-row').first();
      const skillId = await first.getAttribute('data-skill-id');
      expect(skillId).toBeTruthy();
      await first.getByTestId('drill-demand').click();
      const dialog = page.getByTestId('drilldown');
      await dialog.getByTestId('drilldown-id').first().waitFor();
      const shownIds = await dialog
        .getByTestId('drilldown-id')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-record-id')));
      const records = await (await page.request.get(`${baseUrl}/api/gaps/${skillId}/records`)).json();
      expect(shownIds).toEqual(records.demand.records.map((r: { projectId: string }) => r.projectId));
      for (const id of shownIds) expect(id).toMatch(/^prj-/);
      await shot('6-drilldown');
      await dialog.getByTestId('drilldown-close').click();
      await expect.poll(() => dialog.count()).toBe(0);

      // Drill-down from a trend: the projects of a domain in a year (through the chart's data table).
      const trend = page.getByTestId('domain-trend-chart');
      await trend.getByText('Show the data as a table').click();
      await trend.getByTestId('drill-trend').first().click();
      await dialog.getByTestId('drilldown-id').first().waitFor();
      expect(await dialog.getByTestId('drilldown-id').first().getAttribute('data-record-id')).toMatch(
        /^prj-/,
      );
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);

      // Upskilling: the employees who could learn a gap skill fastest, with their learning path and weeks.
      await first.getByTestId('upskill-button').click();
      const upskilling = page.getByTestId('upskilling');
      await expect.poll(() => upskilling.getByTestId('upskilling-skill').inputValue()).toBe(skillId);
      const learner = upskilling.getByTestId('learner-row').first();
      await learner.waitFor();
      expect(await learner.getByTestId('learner-weeks').textContent()).toMatch(/\d+(\.\d+)? weeks?/);
      expect(await learner.getByTestId('learning-path').locator('li').count()).toBeGreaterThan(0);

      // French: localized percentages.
      await page.getByTestId('lang-fr').click();
      await page.getByRole('heading', { level: 1, name: 'Pénurie de compétences et demande' }).waitFor();
      await expect
        .poll(async () => (await page.getByTestId('headline-share-employees').textContent()) ?? '')
        .toMatch(/^\d+\s%$/);
      await page.getByTestId('lang-en').click();

      expect(pageErrors).toEqual([]);
    });

    it('shows a project’s readiness and proposes a team', async () => {
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));

      // An open project (being scoped or staffed): its team can be proposed from available talents.
      const { projects } = await (await page.request.get(`${baseUrl}/api/projects`)).json();
      const open = (projects as { id: string; status: string }[]).find((p) =>
        ['staffing', 'scoping'].includes(p.status),
      );
      expect(open).toBeDefined();
      await page.goto(`${baseUrl}/#/projects/${open!.id}`);
      await page.getByTestId('lang-en').click();

      // Readiness: a 0–100 score, a risk level, and factor contributions that add up to the score.
      const readiness = page.getByTestId('readiness');
      const scoreEl = readiness.getByTestId('readiness-score');
      await scoreEl.waitFor();
      const score = parsePoints(await scoreEl.textContent());
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
      expect(['low', 'medium', 'high', 'critical']).toContain(
        await readiness.getByTestId('readiness-risk').getAttribute('data-risk'),
      );
      const contributions = (await readiness.getByTestId('factor-contribution').allTextContents()).map(
        parsePoints,
      );
      expect(contributions.length).toBeGreaterThan(0);
      const sum = contributions.reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - score)).toBeLessThanOrEqual(0.05 * (contributions.length + 1));
      expect(await readiness.getByTestId('whatif-item').count()).toBeGreaterThanOrEqual(0);

      // Propose a team: members, who covers which required skill, cost and alternatives.
      const requirementLabels = await page.getByTestId('requirement-row').locator('th').allTextContents();
      const proposal = page.waitForResponse(
        (r) => r.url().includes(`/api/projects/${open!.id}/team`) && r.request().method() === 'POST',
      );
      await page.getByTestId('team-maxSize').fill('4');
      await page.getByTestId('team-propose').click();
      const response = await proposal;
      expect(response.status()).toBe(200);
      expect(response.request().postDataJSON()).toEqual({ maxSize: 4 });
      const team = page.getByTestId('team');
      const members = team.getByTestId('team-member');
      await members.first().waitFor();
      const memberCount = await members.count();
      expect(memberCount).toBeGreaterThan(0);
      expect(memberCount).toBeLessThanOrEqual(4);
      const covered = await team.getByTestId('member-covers').locator('.chip').allTextContents();
      expect(covered.length).toBeGreaterThan(0);
      for (const label of covered) expect(requirementLabels).toContain(label);
      expect(await team.getByTestId('coverage-row').count()).toBe(requirementLabels.length);
      expect(await team.getByTestId('team-cost').textContent()).toMatch(/€/);
      expect(await team.getByTestId('team-gap').textContent()).toMatch(/%|—/);
      await team.getByTestId('team-kind-strongest').click();
      expect(await team.getByTestId('team-kind-strongest').getAttribute('aria-pressed')).toBe('true');
      await team.getByTestId('team-kind-cheapest').click();

      // Readiness against the proposed team.
      const withTeam = page.waitForResponse(
        (r) => r.url().includes('/readiness') && r.url().includes('team='),
      );
      await team.getByTestId('team-assess').click();
      expect((await withTeam).status()).toBe(200);
      await expect
        .poll(() => readiness.getByTestId('readiness-against').textContent())
        .toContain('cheapest team');
      await shot('7-project-readiness-team');

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
