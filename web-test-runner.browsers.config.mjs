// The three-engine run (CI): Chromium and Firefox through puppeteer-core, WebKit (WebKitGTK's
// MiniBrowser) through WebDriver. Run it with `npm run test:browsers`, which starts
// WebKitWebDriver under Xvfb first (scripts/test-browsers.mjs).
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath, firefoxPath, miniBrowserPath } from './scripts/browsers.mjs';
import { shared } from './scripts/wtr-shared.mjs';

const webdriverPort = Number(process.env.WEBKIT_DRIVER_PORT || 4445);

export default {
  ...shared,
  // One file at a time per engine keeps three browsers within two cores.
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs } }),
    // Firefox speaks WebDriver BiDi to puppeteer-core; no coverage there (v8 coverage is Chromium's).
    chromeLauncher({
      puppeteer,
      launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true },
    }),
    webdriverLauncher({
      hostname: '127.0.0.1',
      port: webdriverPort,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // Without it WebKitWebDriver answers "Failed to match capabilities".
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
      },
    }),
  ],
};
