// Starts `npm run server`'s entry point (src/main.ts through tsx) as a child process on 127.0.0.1
// for a bench, and stops it: SIGTERM, then SIGKILL when it does not end in time. The caller must
// call stop() in a finally; exit and SIGINT of the bench kill the child too.

import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly child: ChildProcess;
  /** SIGTERM, and SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();
const killAll = () => {
  for (const child of running) child.kill('SIGKILL');
};
process.on('exit', killAll);
process.on('SIGINT', () => {
  killAll();
  process.exit(130);
});

/** Starts the server with `args` (e.g. `--data DIR --seed FILE`); its stderr goes to `logFile`. */
export async function startServerProcess(
  args: readonly string[],
  options: {
    env?: NodeJS.ProcessEnv;
    logFile: string;
    startMs?: number;
    /** Options for node itself (`--cpu-prof`, which NODE_OPTIONS may not carry). */
    nodeArgs?: readonly string[];
  },
): Promise<ServerProcess> {
  const node = [...(options.nodeArgs ?? []), '--import', 'tsx'];
  const child = spawn(process.execPath, [...node, 'src/main.ts', '--host', '127.0.0.1', ...args], {
    cwd: SERVER_DIR,
    env: { LOG_LEVEL: 'error', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  // The server logs to stdout (pino) and crashes to stderr: both are kept in the log file.
  const logStream = createWriteStream(options.logFile);
  child.stderr!.pipe(logStream, { end: false });

  const stop = async (graceMs = 15_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  try {
    const origin = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(new Error(`the server did not start within ${options.startMs ?? 300_000} ms`)),
        options.startMs ?? 300_000,
      );
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /reference backend on (http:\/\/[^\s/]+)\/api/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`the server exited before it was ready (see ${options.logFile})`));
      });
    });
    child.stdout!.pipe(logStream);
    return { origin, child, stop };
  } catch (error) {
    await stop(1000);
    throw error;
  }
}
