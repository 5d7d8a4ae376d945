// Makes sure the named engines are installed: `node scripts/ensure-browsers.mjs chromium firefox`.
// As root on Debian it installs what is missing with apt-get; anywhere else it fails at once with
// one line saying what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { engines, missing } from './browsers.mjs';

const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in engines));
if (unknown.length) {
  console.error(
    `ensure-browsers: unknown engine ${unknown.join(', ')}; known: ${Object.keys(engines).join(', ')}`,
  );
  process.exit(2);
}

const wanted = names.filter((name) => missing(name).length > 0);
if (wanted.length === 0) process.exit(0);

const packages = [...new Set(wanted.flatMap((name) => engines[name].packages))];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version');

if (!isRoot || !isDebian) {
  console.error(
    `Missing browser files (${wanted.flatMap(missing).join(', ')}): install the Debian packages ` +
      `"${packages.join(' ')}" (apt-get install ${packages.join(' ')}), or set CHROME_PATH to a Chromium binary.`,
  );
  process.exit(1);
}

console.log(`ensure-browsers: installing ${packages.join(' ')} with apt-get…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });

const still = wanted.flatMap(missing);
if (still.length) {
  console.error(`ensure-browsers: apt-get finished but these are still missing: ${still.join(', ')}`);
  process.exit(1);
}
