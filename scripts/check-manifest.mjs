#!/usr/bin/env node
// Fails (exit 1) when the custom elements manifest leaves part of a public element's API
// undocumented. Hosts read that API from the manifest: Storybook's docs, VS Code's and JetBrains'
// completions and hovers are all generated from it, so an undocumented member is invisible there.
//
// Two checks, listed as `tag: kind name`:
// 1. every public attribute, property, method, event, slot, CSS part, CSS custom property and
//    custom state in the manifest has a description;
// 2. what the element's source visibly uses is in the manifest at all: events it emits (and the
//    events of public elements in its shadow root, which are composed and reach hosts through
//    it), literal `part` / `exportparts` names and `<slot>`s in its templates (and in the base-class helpers it
//    calls), and the `--<tag>-*` custom properties its styles read. The analyzer cannot see these
//    on its own, so a missing `@event` / `@csspart` / `@slot` / `@cssproperty` tag would otherwise
//    pass unnoticed.
//
// Public elements are the ones in src/elements/ (the internal `lk-*` primitives in src/ui/ are not
// part of the API). Public members are what a host can reach: not private, protected or static,
// not `#private` or `_`-prefixed; members inherited from our own base classes count (a host sees
// `adapter` on every widget), members from LitElement itself do not.
//
// Usage: node scripts/check-manifest.mjs [custom-elements.json]
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifestPath = resolve(process.argv[2] ?? join(root, 'custom-elements.json'));
if (!existsSync(manifestPath)) {
  console.error(`check-manifest: ${manifestPath} is missing; run \`npm run manifest\`.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const PUBLIC_ELEMENTS = /^src\/elements\//;
const KINDS = {
  attributes: 'attribute',
  members: 'property',
  events: 'event',
  slots: 'slot',
  cssParts: 'part',
  cssProperties: 'cssproperty',
  cssStates: 'state',
};

const described = (item) => Boolean((item.description ?? '').trim() || (item.summary ?? '').trim());

/** Classes declared in our own source, by name: the base classes whose members hosts see. */
const ownClasses = new Map();
for (const mod of manifest.modules ?? []) {
  for (const decl of mod.declarations ?? []) {
    if (decl.kind === 'class') ownClasses.set(decl.name, { decl, path: mod.path });
  }
}

function isPublicMember(member) {
  if (member.privacy === 'private' || member.privacy === 'protected') return false;
  if (member.static) return false;
  if (member.name.startsWith('#') || member.name.startsWith('_')) return false;
  // Inherited from outside our source (LitElement, HTMLElement): documented upstream.
  if (member.inheritedFrom && !ownClasses.has(member.inheritedFrom.name)) return false;
  return true;
}

const read = (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : '');

/** Tokens of literal `part="…"` / `exportparts="a:b"` attributes and `<slot>` names in `text`. */
function templateNames(text) {
  const parts = new Set();
  for (const [, , value] of text.matchAll(/(?<![\w-])part=(["'])([^"'$]*)\1/g)) {
    for (const token of value.split(/\s+/).filter(Boolean)) parts.add(token);
  }
  for (const [, , value] of text.matchAll(/exportparts=(["'])([^"'$]*)\1/g)) {
    for (const entry of value.split(',')) {
      const exposed = entry.split(':').at(-1).trim();
      if (exposed) parts.add(exposed);
    }
  }
  const slots = new Set();
  for (const [, attrs] of text.matchAll(/<slot\b([^>]*)>/g)) {
    slots.add(/\bname=(["'])([^"']*)\1/.exec(attrs)?.[2] ?? '');
  }
  const events = new Set([...text.matchAll(/\bemit\(\s*this\s*,\s*'([^']+)'/g)].map((m) => m[1]));
  return { parts, slots, events };
}

/**
 * The bodies of a class's methods (text from one member at two-space indent to the next), so a
 * subclass that calls `this.renderStatus()` is held to the parts that helper renders.
 */
function methodBodies(text) {
  const bodies = new Map();
  const heads = [
    ...text.matchAll(/^ {2}(?:(?:protected|private|public|override|async|get|static)\s+)*(\w+)\s*\(/gm),
  ];
  heads.forEach((head, i) => {
    const end = heads[i + 1]?.index ?? text.length;
    bodies.set(head[1], text.slice(head.index, end));
  });
  return bodies;
}

/** Our base classes of `decl`, nearest first. */
function ancestors(decl) {
  const chain = [];
  let next = decl.superclass?.name;
  while (next && ownClasses.has(next)) {
    chain.push(ownClasses.get(next));
    next = ownClasses.get(next).decl.superclass?.name;
  }
  return chain;
}

/** Public elements by tag, and the public elements each renders in its shadow root. */
const publicByTag = new Map();
for (const mod of manifest.modules ?? []) {
  if (!PUBLIC_ELEMENTS.test(mod.path)) continue;
  for (const decl of mod.declarations ?? [])
    if (decl.customElement && decl.tagName) publicByTag.set(decl.tagName, decl);
}
function nestedPublic(decl, seen = new Set()) {
  const deps = decl.members?.find((m) => m.name === 'dependencies' && m.static)?.default ?? '';
  for (const [, tag] of deps.matchAll(/'([a-z][\w-]*-[\w-]*)'\s*:/g)) {
    const nested = publicByTag.get(tag);
    if (!nested || seen.has(nested)) continue;
    seen.add(nested);
    nestedPublic(nested, seen);
  }
  return seen;
}

const problems = [];
let elements = 0;

for (const mod of manifest.modules ?? []) {
  if (!PUBLIC_ELEMENTS.test(mod.path)) continue;
  for (const decl of mod.declarations ?? []) {
    if (!decl.customElement) continue;
    elements++;
    const tag = decl.tagName ?? decl.name;
    if (!decl.tagName) problems.push(`${decl.name}: element has no @tagname`);
    if (!described(decl)) problems.push(`${tag}: element has no @summary or description`);

    // 1. Every public entry is described.
    for (const [key, kind] of Object.entries(KINDS)) {
      for (const item of decl[key] ?? []) {
        if (key === 'members' && !isPublicMember(item)) continue;
        if (key === 'attributes' && item.inheritedFrom && !ownClasses.has(item.inheritedFrom.name)) continue;
        const label = item.kind === 'method' ? 'method' : kind;
        if (!described(item)) problems.push(`${tag}: ${label} ${item.name || '(default)'}`);
      }
    }

    // 2. What the source uses is declared.
    const source = read(mod.path);
    const used = templateNames(source);
    if (/\bthis\.edit\(/.test(source)) used.events.add('licence-change');
    for (const base of ancestors(decl)) {
      const bodies = methodBodies(read(base.path));
      for (const [method, body] of bodies) {
        if (!new RegExp(`\\bthis\\.${method}\\(`).test(source)) continue;
        const fromBase = templateNames(body);
        fromBase.parts.forEach((p) => used.parts.add(p));
        fromBase.slots.forEach((s) => used.slots.add(s));
        fromBase.events.forEach((e) => used.events.add(e));
      }
    }
    // Our events bubble and are composed, so a host listening on an element also gets the events
    // of every public element in its shadow root (licence-manager's cards, cart, token, …).
    for (const nested of nestedPublic(decl)) {
      for (const event of nested.events ?? []) {
        // Only the `licence-` events are composed (src/events.ts); a plain `change` stays inside.
        if (event.name?.startsWith('licence-')) used.events.add(event.name);
      }
    }
    const declared = (key) => new Set((decl[key] ?? []).map((item) => item.name ?? ''));
    const events = declared('events');
    const parts = declared('cssParts');
    const slots = declared('slots');
    const cssProperties = declared('cssProperties');
    const states = declared('cssStates');
    // Custom states the element or its base classes set (`this.setState('pending', …)`).
    for (const file of [mod.path, ...ancestors(decl).map((base) => base.path)])
      for (const [, name] of read(file).matchAll(/this\.setState\('([\w-]+)'/g))
        if (!states.has(name)) {
          problems.push(`${tag}: undeclared cssstate ${name}`);
          states.add(name);
        }
    for (const name of used.events) if (!events.has(name)) problems.push(`${tag}: undeclared event ${name}`);
    for (const name of used.parts) if (!parts.has(name)) problems.push(`${tag}: undeclared part ${name}`);
    for (const name of used.slots)
      if (!slots.has(name)) problems.push(`${tag}: undeclared slot ${name || '(default)'}`);
    const styles = read(mod.path.replace(/\.component\.ts$/, '.styles.ts'));
    for (const [, name] of styles.matchAll(/var\(\s*(--[\w-]+)/g)) {
      if (decl.tagName && name.startsWith(`--${decl.tagName}-`) && !cssProperties.has(name)) {
        problems.push(`${tag}: undeclared cssproperty ${name}`);
        cssProperties.add(name);
      }
    }
  }
}

// The manifest documents exactly the elements of elements.json (scripts/check-elements.mjs holds
// the rest of the repository to that list).
const listed = JSON.parse(read('elements.json') || '{"elements":[]}').elements.map((element) => element.tag);
for (const tag of listed)
  if (!publicByTag.has(tag)) problems.push(`${tag}: in elements.json, not in the manifest`);
for (const tag of publicByTag.keys())
  if (!listed.includes(tag)) problems.push(`${tag}: in the manifest, not in elements.json`);

if (elements === 0) {
  problems.push(`no custom elements from src/elements/ in ${manifestPath}; is the analyzer's glob right?`);
}

if (problems.length) {
  console.error(`check-manifest: ${problems.length} undocumented public API entries:`);
  for (const problem of problems) console.error(`  ${problem}`);
  console.error(
    'Add a JSDoc line (or an @event / @slot / @csspart / @cssproperty tag) in src, then run it again.',
  );
  process.exit(1);
}
console.log(
  `check-manifest: ${elements} public elements, every attribute, property, event, slot, part, CSS property and custom state described.`,
);
