// `npm start`: the reference backend (PGlite in .data/, usage simulated) and the demo's Vite dev
// server together; Vite forwards /api to the backend. Ctrl+C stops both. A change saved in the
// demo is in .data/ and still there next time.

import { spawn } from 'node:child_process';
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

start(
  process.execPath,
  ['--import', 'tsx', 'server/src/main.ts', '--simulate-usage', ...process.argv.slice(2)],
  'the reference backend',
);
start(process.execPath, ['node_modules/vite/bin/vite.js', 'demo', '--config', 'vite.config.ts'], 'vite');
