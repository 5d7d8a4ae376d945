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
    // The run fails below these (merged over every test file): lines 99.3 % and branches 95.9 %
    // when they were set. Raise them as coverage grows; never lower them to let a change in.
    threshold: { lines: 98, branches: 95 },
  },
};
