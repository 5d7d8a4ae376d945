// Runs the suite in Chromium, Firefox and WebKit. WebKitGTK needs a display and a running
// WebKitWebDriver, so this starts the driver, runs web-test-runner, and stops the driver again.
// Invoked under `xvfb-run` by `npm run test:browsers`.
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { webkitDriverPath } from './browsers.mjs';

const port = Number(process.env.WEBKIT_DRIVER_PORT || 4445);

function waitForPort(deadline) {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve();
      });
      socket.on('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`WebKitWebDriver did not listen on port ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

const driver = spawn(webkitDriverPath, [`--port=${port}`], { stdio: ['ignore', 'ignore', 'inherit'] });
let exitCode = 1;
try {
  await waitForPort(Date.now() + 15000);
  const wtr = spawn(
    'npx',
    ['wtr', '--config', 'web-test-runner.browsers.config.mjs', ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, WEBKIT_DRIVER_PORT: String(port) } },
  );
  exitCode = await new Promise((resolve) => wtr.on('exit', (code) => resolve(code ?? 1)));
} catch (error) {
  console.error(String(error));
} finally {
  driver.kill();
}
process.exit(exitCode);
