import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { GivenUser, TestApp } from '../../libs/testing';

/** Debian's Chromium, headless, with nothing that would reach for the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export function baseUrl(t: TestApp): string {
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

const AXE = readFileSync(join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** WCAG 2.1 A and AA checks of the page as it stands. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    // Runs in the page: axe-core was injected above.
    type AxeRun = (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }>;
    const page = globalThis as unknown as { axe: { run: AxeRun }; document: unknown };
    const result = await page.axe.run(page.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** Signs in through the sign-in page, as a person would; returns the home page. */
export async function signIn(t: TestApp, context: BrowserContext, who: GivenUser): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl(t)}/masuk`);
  await page.getByLabel('NIP atau e-mail').fill(who.username);
  await page.getByLabel('Kata sandi').fill(who.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL('**/beranda');
  return page;
}
