import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (.ci/run installs it when it is missing); TYPESTEP_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env['TYPESTEP_CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * A headless Chromium with a fresh profile, kept off the network's background services. Fails
 * (never skips) when Chromium is not there: the graph pages must be seen rendered.
 */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}; the "typestep graph" page tests render pages in it. Install it with "apt-get install -y chromium" (.ci/run does so when it is missing), or set TYPESTEP_CHROMIUM to its path.`,
    );
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'typestep-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    chromiumSandbox: false,
    viewport: { width: 1200, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
