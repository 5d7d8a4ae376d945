// `npm start`: the reference backend (PGlite in .data/, usage simulated) and the demo's Vite dev
// server together; Vite forwards /api to the backend, whose demo controls (/api/dev/, loopback
// only: docs/demo-controls.md) the demo panel uses. Ctrl+C stops both. A change saved in the
// demo is in .data/ and still there next time.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const children = [];

function start(command, args, name) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? code}); stopping the demo.`);
    stop(code ?? 1);
  });
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// A licensing key pair of the demo's own, made once, so the manual licence update can be tried:
// sign a key with the private one (README, "Reference backend").
const keys = '.data/demo-license-keys';
if (!existsSync(`${root}${keys}/license-public.pem`)) {
  spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'sign-key', '--keygen', keys], {
    cwd: root,
    stdio: 'inherit',
  });
}

start(
  process.execPath,
  [
    ...['--import', 'tsx', 'server/src/main.ts', '--simulate-usage', '--demo-controls'],
    ...['--license-public-key', `${keys}/license-public.pem`],
    ...process.argv.slice(2),
  ],
  'the reference backend',
);
start(process.execPath, ['node_modules/vite/bin/vite.js', 'demo', '--config', 'vite.config.ts'], 'vite');
