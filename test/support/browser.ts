// Headless Chromium for the HTML report's tests: Debian's `chromium` package driven by playwright-core
// (which downloads no browser of its own), each launch with a fresh profile and nothing in the
// background that could make a request of its own.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const CHROMIUM = process.env.ACCORD_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Why the browser tests cannot run here, or undefined when they can. A missing browser is a skip with
 * this reason, printed; under ACCORD_REQUIRE_TOOLS=1 (CI) the tests run anyway and fail on it.
 */
export function browserMissing(): string | undefined {
  if (existsSync(CHROMIUM) || process.env.ACCORD_REQUIRE_TOOLS === '1') return undefined;
  return `${CHROMIUM} not found: install Debian's chromium package (apt-get install -y chromium) to run the HTML report's browser tests`;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(viewport = { width: 1400, height: 900 }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium package (apt-get install -y chromium)`);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'accord-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
