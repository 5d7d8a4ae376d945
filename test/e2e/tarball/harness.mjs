// The package as a host gets it: one `npm run build`, one `npm pack`, one `npm install
// --prefer-offline` of the tarball into a throw-away host project under os.tmpdir() (outside the
// repo, so nothing resolves to src/ or to the repo's node_modules), shared by every tarball test
// (test/e2e/tarball/*.test.mjs): the Vite app, the import-map page, the Node imports, the
// tree-shaking bundle, the type tests, publint and attw, the API report and the README's snippets.
//
// Node's test runner runs each test file in its own process, so the result is cached on disk, in a
// folder named by a content hash of what the build and the tarball are made from (src/, the build
// configs and scripts, package.json, README, LICENSE, CHANGELOG): the first file of a run builds,
// packs and installs (about a minute on two cores), the others reuse it, and a run after an edit
// starts again. A lock folder keeps two processes from building at once. Only the newest folder
// of this checkout is kept.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { promisify } from 'node:util';
import { projectRoot } from '../harness.mjs';

export { projectRoot };

const run = promisify(execFile);

/** What the build and the tarball are made from; a change to any of these builds again. */
const inputs = [
  'src',
  'scripts',
  'package.json',
  'elements.json',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'custom-elements-manifest.config.mjs',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
];

/**
 * What the host project installs next to the tarball: the tools a host's app uses (the versions the
 * repo has, so `--prefer-offline` finds them in npm's cache), React's types for the JSX and wrapper
 * types, Vue for its GlobalComponents, Vite's Vue plugin for the README's Vue config snippet.
 */
const hostTools = ['typescript', 'vite', '@types/react', 'react', 'msw', 'vue', '@vitejs/plugin-vue'];

function files(path) {
  const full = join(projectRoot, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true })
    .map((file) => join(path, String(file)))
    .filter((file) => statSync(join(projectRoot, file)).isFile())
    .sort();
}

function inputHash() {
  const hash = createHash('sha256');
  hash.update(`${projectRoot}\n${hostTools.join(',')}\n`);
  for (const file of inputs.flatMap(files)) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(join(projectRoot, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

const version = (name) =>
  JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')).version;

/** Runs a command; on failure the error carries what it printed. */
async function sh(command, args, options) {
  try {
    return await run(command, args, { maxBuffer: 64 * 1024 * 1024, ...options });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`, {
      cause: error,
    });
  }
}

async function buildPackInstall(dir) {
  const started = Date.now();
  await sh('npm', ['run', 'build'], { cwd: projectRoot });
  const built = Date.now();
  const [packed] = JSON.parse(
    (await sh('npm', ['pack', '--json', '--pack-destination', dir], { cwd: projectRoot })).stdout,
  );
  const host = join(dir, 'host');
  mkdirSync(host);
  writeFileSync(
    join(host, 'package.json'),
    JSON.stringify(
      {
        name: 'licence-kit-host',
        private: true,
        type: 'module',
        dependencies: { 'licence-kit': `file:../${packed.filename}` },
        devDependencies: Object.fromEntries(hostTools.map((name) => [name, version(name)])),
      },
      null,
      2,
    ),
  );
  const install = await sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: host });
  return {
    dir,
    host,
    packageDir: join(host, 'node_modules', 'licence-kit'),
    tarball: join(dir, packed.filename),
    packed: {
      size: packed.size,
      unpackedSize: packed.unpackedSize,
      files: packed.files.map((file) => file.path).sort(),
    },
    installOutput: `${install.stdout}\n${install.stderr}`,
    seconds: { build: (built - started) / 1000, packAndInstall: (Date.now() - built) / 1000 },
  };
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let pending;

/**
 * The built, packed and installed package: `{ host, packageDir, tarball, packed, installOutput }`,
 * `host` being the host project's folder and `packageDir` the installed `licence-kit` in it.
 */
export function installedPackage() {
  pending ??= prepare();
  return pending;
}

async function prepare() {
  const prefix = `licence-kit-tarball-${createHash('sha256').update(projectRoot).digest('hex').slice(0, 8)}-`;
  const dir = join(tmpdir(), prefix + inputHash());
  const ready = join(dir, 'ready.json');
  const lock = `${dir}.lock`;
  for (const deadline = Date.now() + 15 * 60_000; ;) {
    if (existsSync(ready)) return JSON.parse(readFileSync(ready, 'utf8'));
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number(existsSync(join(lock, 'pid')) ? readFileSync(join(lock, 'pid'), 'utf8') : 0);
      if (owner && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline)
        throw new Error(`${lock} held by process ${owner} for 15 minutes`, { cause: error });
      else await new Promise((done) => setTimeout(done, 500));
    }
  }
  try {
    if (existsSync(ready)) return JSON.parse(readFileSync(ready, 'utf8'));
    // Older builds of this checkout are stale: keep only this one.
    for (const name of readdirSync(tmpdir()))
      if (name.startsWith(prefix) && !name.endsWith('.lock'))
        rmSync(join(tmpdir(), name), { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const result = await buildPackInstall(dir);
    writeFileSync(ready, JSON.stringify(result, null, 2));
    return result;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The installed package's package.json. */
export async function installedManifest() {
  const { packageDir } = await installedPackage();
  return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
}

/** The public tags and their classes (elements.json, the one list). */
export const elements = JSON.parse(readFileSync(join(projectRoot, 'elements.json'), 'utf8')).elements;
