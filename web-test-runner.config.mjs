// The everyday run: headless Chromium (Debian's), with coverage of src/.
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/browsers.mjs';
import { shared } from './scripts/wtr-shared.mjs';

export default {
  ...shared,
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs } }),
  ],
  coverageConfig: {
    include: ['src/**/*.ts'],
    report: true,
    reportDir: 'coverage',
  },
};
