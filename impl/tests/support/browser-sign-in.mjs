// A person signing in through an OpenID Connect provider in a real browser,
// for the federated sign-in's browser test: headless Chromium (the system's,
// from Debian) driven by playwright-core. Opens the app's start page, signs
// in on the provider's own sign-in page and waits until the app shows what
// it got back from the service.
//
// Usage: node browser-sign-in.mjs APP_START_URL LOGIN
// Environment: CHROMIUM (the browser's path), PLAYWRIGHT_MODULES (a
// node_modules directory holding playwright-core).
// Prints, as its last line, the JSON the app page shows in #result; exits 1
// (with what the browser saw) when the flow does not get there in 30 s.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [start, login] = process.argv.slice(2);
const modules = process.env.PLAYWRIGHT_MODULES;
const executablePath = process.env.CHROMIUM;
if (!start || !login || !modules || !executablePath) {
  console.error('usage: CHROMIUM=… PLAYWRIGHT_MODULES=… node browser-sign-in.mjs APP_START_URL LOGIN');
  process.exit(2);
}
const { chromium } = await import(pathToFileURL(join(modules, 'playwright-core', 'index.mjs')).href);

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const visited = [];
try {
  const page = await browser.newPage();
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) {
      visited.push(new URL(frame.url()).origin + new URL(frame.url()).pathname);
    }
  });
  page.setDefaultTimeout(30_000);
  await page.goto(start);
  // The provider's own sign-in page (oidc-provider's development interaction).
  await page.waitForSelector('input[name="login"]');
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'any password');
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  // Back at the app, which exchanges its code and shows the outcome.
  const result = await page.waitForSelector('#result[data-done]');
  console.log(JSON.stringify({ visited, result: JSON.parse(await result.textContent()) }));
} catch (error) {
  console.error(`the browser did not finish: ${error.message}\nvisited: ${visited.join(' → ')}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
