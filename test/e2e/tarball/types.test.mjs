// Types as a host gets them from the installed tarball (issue #24): tsc, strict, in the host project
// (test/e2e/tarball/harness.mjs), resolving `licence-kit/…` through the installed package's
// `exports` to the shipped `.d.ts`, never to src/.
//
// Each element entry is checked in a program of its own, importing that entry alone, as a host
// that follows the README imports one element (and again importing only the element's class, as
// the README's renaming recipe does): `querySelector('<tag>')` is the element's class,
// and each event the element fires has its typed `detail` in listeners on the element, on
// `document` and on `window` (not `any`, and its own field is there). Then the issue's snippet (with
// bundler and with Node 16+ resolution), the React 19 JSX types, the React wrappers and Vue's
// GlobalComponents, each from the installed package.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { elements, installedPackage } from './harness.mjs';

/** One field of each event's `detail`: the test writes `e.detail.<field>`, which needs the type. */
const detailField = {
  'licence-change': 'draft',
  'licence-before-commit': 'draft',
  'licence-commit': 'snapshot',
  'licence-commit-error': 'reason',
  'licence-leave': 'draft',
  'licence-show-problem': 'issue',
  'licence-show-usage': 'typeId',
  'licence-token-copy': 'copied',
  'licence-key-apply': 'licence',
  'licence-log-download': 'filename',
  'licence-usage-filter-change': 'search',
  'licence-usage-export': 'blob',
  'licence-summary-download': 'record',
  'licence-usage-threshold': 'threshold',
  'licence-change-request': 'note',
  'licence-back-to-cart': 'typeId',
};

const helpers = `
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type IsAny<T> = 0 extends 1 & T ? true : false;
function expect<T extends true>(): T | undefined { return undefined; }
`;

/**
 * The check of one element entry, importing nothing else: its subpath, or (`component`) the path
 * of its class alone, which the README's renaming recipe imports.
 */
function entryCheck({ tag, class: name }, events, { component = false } = {}) {
  const listeners = events.flatMap((event) =>
    ['el', 'document', 'window'].map(
      (target) => `
${target}.addEventListener('${event}', (e) => {
  expect<Equal<IsAny<typeof e.detail>, false>>();
  console.log(e.detail.${detailField[event]});
});`,
    ),
  );
  const from = component ? `licence-kit/dist/elements/${tag}/${tag}.component.js` : `licence-kit/${tag}.js`;
  return `import { ${name} } from '${from}';
${helpers}
const el = document.querySelector('${tag}')!;
expect<Equal<typeof el, ${name}>>();
const made = document.createElement('${tag}');
expect<Equal<typeof made, ${name}>>();
${listeners.join('\n')}
export {};
`;
}

// The snippet of issue #24, as a host writes it.
const issueSnippet = `import 'licence-kit/licence-manager.js';
import { MemoryAdapter } from 'licence-kit/memory-adapter.js';
const el = document.querySelector('licence-manager')!;
el.adapter = new MemoryAdapter();
el.addEventListener('licence-commit', (e) => console.log(e.detail.snapshot.version));
document.addEventListener('licence-commit', (e) => console.log(e.detail.snapshot.version));
export {};
`;

const reactJsx = `import type {} from 'licence-kit/jsx-react';
import 'licence-kit/licence-manager.js';
import { MemoryAdapter } from 'licence-kit/memory-adapter.js';
const adapter = new MemoryAdapter();
export const Page = () => (
  <licence-manager adapter={adapter} onlicence-commit={(e) => console.log(e.detail.snapshot.version.toUpperCase())} />
);
// @ts-expect-error the adapter is typed
export const Wrong = () => <licence-manager adapter={42} />;
`;

const reactWrappers = `import { LicenceCard, LicenceCart, LicenceProvider } from 'licence-kit/react.js';
import { MemoryAdapter } from 'licence-kit/memory-adapter.js';
const adapter = new MemoryAdapter();
export const Seats = () => (
  <LicenceProvider adapter={adapter} onLicenceChange={(e) => console.log(e.detail.draft)}>
    <LicenceCard typeId="voice" />
    <LicenceCart onLicenceCommit={(e) => console.log(e.detail.snapshot.version.toUpperCase())} />
  </LicenceProvider>
);
// @ts-expect-error typeId is a string
export const Wrong = () => <LicenceCard typeId={3} />;
`;

const vue = `import type { GlobalComponents } from 'vue';
import type {} from 'licence-kit/vue';
import type { LicensingAdapter } from 'licence-kit';
type Tag<Name extends keyof GlobalComponents> = InstanceType<GlobalComponents[Name]>;
declare const adapter: LicensingAdapter;
declare const card: Tag<'licence-card'>;
declare const cart: Tag<'licence-cart'>;
declare const commit: HTMLElementEventMap['licence-commit'];
export const cardProps: Tag<'licence-card'>['$props'] = { typeId: 'voice', adapter };
cart.$emit('licence-commit', commit);
// @ts-expect-error typeId is a string
export const wrongType: Tag<'licence-card'>['$props'] = { typeId: 3 };
// @ts-expect-error a card does not commit
card.$emit('licence-commit', commit);
`;

let installed;
let ts;
let checks;
before(async () => {
  installed = await installedPackage();
  ts = createRequire(join(installed.host, 'package.json'))('typescript');
  checks = join(installed.host, 'type-checks');
  rmSync(checks, { recursive: true, force: true });
  mkdirSync(checks);
});

let host;
function cachingHost(options) {
  const base = ts.createCompilerHost(options);
  const parsed = new Map();
  return {
    ...base,
    getSourceFile(fileName, language, ...rest) {
      if (fileName.startsWith(checks)) return base.getSourceFile(fileName, language, ...rest);
      const format = typeof language === 'object' ? language.impliedNodeFormat : language;
      const key = `${fileName}\0${format}`;
      if (!parsed.has(key)) parsed.set(key, base.getSourceFile(fileName, language, ...rest));
      return parsed.get(key);
    },
  };
}

/** tsc's errors for `files` (name → source) in one program of the host project. */
function typeErrors(files, { node16 = false, libCheck = true } = {}) {
  const paths = Object.entries(files).map(([name, code]) => {
    const path = join(checks, name);
    writeFileSync(path, code);
    return path;
  });
  const options = {
    target: ts.ScriptTarget.ES2022,
    module: node16 ? ts.ModuleKind.Node16 : ts.ModuleKind.ESNext,
    moduleResolution: node16 ? ts.ModuleResolutionKind.Node16 : ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    noEmit: true,
    // A host's project commonly skips checking libraries; these check the shipped .d.ts (and
    // React's and Vue's), not TypeScript's own lib files. The per-entry programs skip it: they ask
    // what reaches the globals, and the wrappers' program checks every element's .d.ts anyway.
    skipLibCheck: !libCheck,
    skipDefaultLibCheck: true,
    types: [],
  };
  // One compiler host for every program: the declaration files are parsed once.
  host ??= cachingHost(options);
  return ts.getPreEmitDiagnostics(ts.createProgram(paths, options, host)).map((d) => {
    const where = d.file
      ? `${d.file.fileName.replace(`${installed.host}/`, '')}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : '';
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('types from the installed tarball', () => {
  it('every element entry on its own: its tag is its class, its events are typed on it, document and window', async () => {
    const { elementEvents } = await import(
      pathToFileURL(join(installed.packageDir, 'dist/types/element-api.js')).href
    );
    assert.deepEqual(Object.keys(elementEvents).sort(), elements.map(({ tag }) => tag).sort());
    const problems = [];
    for (const element of elements) {
      const events = elementEvents[element.tag];
      for (const event of events) assert.ok(detailField[event], `no detail field named for ${event}`);
      problems.push(
        ...typeErrors({ [`${element.tag}.ts`]: entryCheck(element, events) }, { libCheck: false }),
      );
      problems.push(
        ...typeErrors(
          {
            [`${element.tag}.component.ts`]: entryCheck(element, events, { component: true }),
          },
          { libCheck: false },
        ),
      );
    }
    assert.deepEqual(problems, []);
  });

  it("the issue's snippet: one element entry and the memory adapter (bundler resolution)", () => {
    assert.deepEqual(typeErrors({ 'snippet.ts': issueSnippet }), []);
  });

  it("the issue's snippet with Node 16+ resolution (tsc's node16 / nodenext)", () => {
    assert.deepEqual(typeErrors({ 'snippet-node16.ts': issueSnippet }, { node16: true }), []);
  });

  it('React 19 JSX types (licence-kit/jsx-react)', () => {
    assert.deepEqual(typeErrors({ 'react-jsx.tsx': reactJsx }), []);
  });

  it('React wrappers (licence-kit/react.js)', () => {
    assert.deepEqual(typeErrors({ 'react-wrappers.tsx': reactWrappers }), []);
  });

  it("Vue's GlobalComponents (licence-kit/vue)", () => {
    assert.deepEqual(typeErrors({ 'vue.ts': vue }), []);
  });
});
