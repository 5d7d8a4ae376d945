// Where the browsers of this project live and how they are started. Debian's packages only: no
// test tool may download its own browser on these machines (scripts/ensure-browsers.mjs installs them).
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';
export const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
export const miniBrowserPath =
  process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// Without the networking flags headless Chromium floods a closed network with refused
// connections; --no-sandbox because CI runs as root.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Two test files run in two tabs at once; a background tab gets no animation frames and slow
  // timers, which stalls fixtures and the virtualiser. Tests must not depend on which tab is in front.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

/** What each engine needs on disk, and the Debian packages that provide it. */
export const engines = {
  chromium: { files: [chromiumPath], packages: ['chromium'] },
  chromedriver: { files: ['/usr/bin/chromedriver'], packages: ['chromium-driver'] },
  firefox: { files: [firefoxPath], packages: ['firefox-esr'] },
  webkit: {
    files: [webkitDriverPath, miniBrowserPath, '/usr/bin/xvfb-run', '/usr/bin/xauth'],
    packages: ['webkit2gtk-driver', 'xvfb', 'xauth'],
  },
};

export function missing(name) {
  return engines[name].files.filter((file) => !existsSync(file));
}
