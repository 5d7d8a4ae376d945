#!/usr/bin/env node
// Holds every hand-written list of the public elements to the one list, elements.json. Vite's
// entries and Vue's `isCustomElement` (vite.config.ts) and the size rows (scripts/size.mjs) read
// elements.json; what must stay written out (package.json, which npm reads as it is; TypeScript
// that must stay statically analysable) is checked here, and each disagreement is named:
//
// - a folder `src/elements/<tag>/` with `<tag>.ts` and `<tag>.component.ts`, `test/<tag>.test.ts`
//   and, unless the list says `"story": false`, `stories/<tag>.stories.ts`;
// - package.json: an export `./<tag>.js` of `dist/<tag>.js` typed by
//   `dist/elements/<tag>/<tag>.d.ts`, that file in `sideEffects`, and no other element's;
// - src/index.ts re-exports `./elements/<tag>/<tag>.js`; src/react/index.ts wraps the tag with
//   its class; src/types/element-api.ts has it in `LicenceKitElements` with its class;
// - the README's elements table names `<tag>`, and its Vue `isCustomElement` regex accepts it; its
//   events table names every event of src/events.ts, its token list every `--lk-` token in src.
//
// With `--built` (run by `npm run build`), also: every target of package.json `exports` exists,
// and each wildcard export matches files, among them every element's `<tag>.component.js`.
//
// Usage: node scripts/check-elements.mjs [--built] [--root <dir>]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root =
  rootAt >= 0 ? resolve(args[rootAt + 1] ?? '.') : join(dirname(fileURLToPath(import.meta.url)), '..');
const built = args.includes('--built');

const read = (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : '');
const problems = [];

const list = JSON.parse(read('elements.json') || '{"elements":[]}').elements ?? [];
const tags = list.map((element) => element.tag);
const classOf = new Map(list.map((element) => [element.tag, element.class]));
if (!tags.length) problems.push('elements.json lists no elements');
for (const [i, element] of list.entries()) {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(element.tag ?? ''))
    problems.push(`elements.json: entry ${i} has no valid custom element tag ("${element.tag}")`);
  if (!/^[A-Z]\w*$/.test(element.class ?? ''))
    problems.push(`elements.json: <${element.tag}> has no class name ("${element.class}")`);
  if (tags.indexOf(element.tag) !== i) problems.push(`elements.json: <${element.tag}> is listed twice`);
}

/** Missing: in the list, not found; extra: found, not in the list. */
function compare(where, found, describe = (tag) => `<${tag}>`) {
  for (const tag of tags) if (!found.has(tag)) problems.push(`${where}: missing ${describe(tag)}`);
  for (const tag of found.keys())
    if (!tags.includes(tag)) problems.push(`${where}: ${describe(tag)} is not in elements.json`);
}

// Files: the element's folder, its test and its story.
const folders = existsSync(join(root, 'src/elements')) ? readdirSync(join(root, 'src/elements')) : [];
compare('src/elements/', new Map(folders.map((tag) => [tag, true])), (tag) => `folder ${tag}/`);
for (const element of list) {
  const { tag } = element;
  for (const file of [`src/elements/${tag}/${tag}.ts`, `src/elements/${tag}/${tag}.component.ts`]) {
    if (folders.includes(tag) && !existsSync(join(root, file))) problems.push(`${file}: missing`);
  }
  if (!existsSync(join(root, `test/${tag}.test.ts`))) problems.push(`test/${tag}.test.ts: missing`);
  const story = existsSync(join(root, `stories/${tag}.stories.ts`));
  if (element.story !== false && !story)
    problems.push(`stories/${tag}.stories.ts: missing (or say "story": false in elements.json)`);
  if (element.story === false && story)
    problems.push(`elements.json: <${tag}> says "story": false, but stories/${tag}.stories.ts exists`);
}

// package.json: exports and sideEffects.
const pkg = JSON.parse(read('package.json') || '{}');
const exportsMap = pkg.exports ?? {};
const elementExports = new Map();
for (const [subpath, target] of Object.entries(exportsMap)) {
  const types = typeof target === 'object' ? target.types : undefined;
  const tag = /^\.\/dist\/elements\/([^/*]+)\/\1\.d\.ts$/.exec(types ?? '')?.[1];
  if (tag) elementExports.set(tag, { subpath, target });
}
compare('package.json "exports"', elementExports, (tag) => `"./${tag}.js" (<${tag}>)`);
for (const [tag, { subpath, target }] of elementExports) {
  if (subpath !== `./${tag}.js`)
    problems.push(`package.json "exports": <${tag}> is at "${subpath}", not "./${tag}.js"`);
  if (target.default !== `./dist/${tag}.js`)
    problems.push(`package.json "exports" "${subpath}": "default" is not "./dist/${tag}.js"`);
}
const sideEffects = Array.isArray(pkg.sideEffects) ? pkg.sideEffects : [];
const shipped = new Set(
  Object.values(exportsMap).map((target) => (typeof target === 'object' ? target.default : target)),
);
for (const tag of tags)
  if (!sideEffects.includes(`./dist/${tag}.js`))
    problems.push(`package.json "sideEffects": missing "./dist/${tag}.js" (it registers <${tag}>)`);
for (const file of sideEffects)
  if (file.startsWith('./dist/') && !shipped.has(file))
    problems.push(`package.json "sideEffects": "${file}" is the target of no export`);

// TypeScript that lists the elements one by one.
const index = read('src/index.ts');
compare(
  'src/index.ts',
  new Map(
    [...index.matchAll(/^export \* from '\.\/elements\/([^/']+)\/\1\.js';/gm)].map((m) => [m[1], true]),
  ),
  (tag) => `export * from './elements/${tag}/${tag}.js'`,
);

const react = read('src/react/index.ts');
const wrapped = new Map(
  [...react.matchAll(/^export const (\w+) = wrap\('([^']+)', (\w+)Element, '(\w+)'\);/gm)].map((m) => [
    m[2],
    m,
  ]),
);
compare('src/react/index.ts', wrapped, (tag) => `the wrapper of <${tag}>`);
for (const [tag, [, name, , elementClass, displayName]] of wrapped) {
  const expected = classOf.get(tag);
  if (expected && new Set([name, elementClass, displayName, expected]).size !== 1)
    problems.push(`src/react/index.ts: <${tag}> should be wrapped as ${expected} from ${expected}Element`);
  if (
    expected &&
    !react.includes(`import { ${expected} as ${expected}Element } from '../elements/${tag}/${tag}.js';`)
  )
    problems.push(`src/react/index.ts: no import of ${expected} from '../elements/${tag}/${tag}.js'`);
}

const api = read('src/types/element-api.ts');
const apiEntries = new Map(
  [...api.matchAll(/^ {2}'([^']+)': ElementApi<\s*(\w+)/gm)].map((m) => [m[1], m[2]]),
);
compare('src/types/element-api.ts LicenceKitElements', apiEntries);
for (const [tag, name] of apiEntries)
  if (classOf.has(tag) && classOf.get(tag) !== name)
    problems.push(
      `src/types/element-api.ts: <${tag}> has class ${name}, elements.json says ${classOf.get(tag)}`,
    );

// The README: the elements table and the Vue regex a host copies.
const readme = read('README.md');
for (const tag of tags)
  if (!readme.includes(`\`<${tag}`)) problems.push(`README.md: the elements table lacks <${tag}>`);
const vueRegex = /isCustomElement: \(tag\) => \/(.+?)\/\.test\(tag\)/.exec(readme)?.[1];
if (vueRegex) {
  const accepts = new RegExp(vueRegex);
  for (const tag of tags)
    if (!accepts.test(tag))
      problems.push(`README.md: the Vue isCustomElement regex /${vueRegex}/ misses <${tag}>`);
}

// The README's events table and token list: every event of src/events.ts, every `--lk-` token src reads.
const events = [...read('src/events.ts').matchAll(/^ {2}'(licence-[\w-]+)': CustomEvent</gm)].map(
  (m) => m[1],
);
for (const event of events)
  if (!readme.includes(`| \`${event}\``)) problems.push(`README.md: the events table lacks ${event}`);
const documented = new Set(
  [...readme.matchAll(/--lk-[\w-]+(?:\|[\w-]+)*/g)].flatMap(([written]) => {
    // `--lk-space-xs|s|m|l` is four tokens.
    const [first, ...rest] = written.split('|');
    const stem = first.slice(0, first.lastIndexOf('-') + 1);
    return [first, ...rest.map((suffix) => stem + suffix)];
  }),
);
const sources = readdirSync(join(root, 'src'), { recursive: true }).filter((file) =>
  String(file).endsWith('.ts'),
);
const tokens = new Set(
  sources.flatMap((file) => read(join('src', String(file))).match(/--lk-[\w-]+/g) ?? []),
);
for (const token of tokens)
  if (!documented.has(token)) problems.push(`README.md: the token list lacks ${token}`);

// After a build: what the exports promise exists.
if (built) {
  const dist = (file) => existsSync(join(root, file));
  for (const [subpath, target] of Object.entries(exportsMap)) {
    const paths = typeof target === 'object' ? Object.values(target) : [target];
    for (const path of paths) {
      if (!path.includes('*')) {
        if (!dist(path))
          problems.push(`package.json "exports" "${subpath}": ${path} does not exist after the build`);
        continue;
      }
      const [before, after] = path.slice(2).split('*');
      const base = before.slice(0, before.lastIndexOf('/') + 1);
      const matches = existsSync(join(root, base))
        ? readdirSync(join(root, base), { recursive: true })
            .map((file) => base + file.split('\\').join('/'))
            .filter((file) => file.startsWith(before) && file.endsWith(after))
        : [];
      if (!matches.length)
        problems.push(`package.json "exports" "${subpath}": ${path} matches no file after the build`);
    }
  }
  const wildcards = Object.keys(exportsMap).filter((subpath) => subpath.includes('*'));
  for (const tag of tags) {
    const file = `dist/elements/${tag}/${tag}.component.js`;
    const exported = wildcards.some((subpath) => {
      const [before, after] = subpath.slice(2).split('*');
      return file.startsWith(before) && file.endsWith(after);
    });
    if (!dist(file)) problems.push(`${file} does not exist after the build`);
    if (!exported) problems.push(`package.json "exports": no export reaches ${file} (the class of <${tag}>)`);
  }
}

if (problems.length) {
  console.error(`check-elements: ${problems.length} problem(s); the lists disagree:`);
  for (const problem of problems) console.error(`  ${problem}`);
  console.error('Adding or renaming an element? See "Adding an element" in the README.');
  process.exit(1);
}
console.log(
  `check-elements: ${tags.length} elements; folders, tests, stories, package.json, src/index.ts, ` +
    `src/react, src/types and the README agree with elements.json${built ? ', and every export exists' : ''}.`,
);
