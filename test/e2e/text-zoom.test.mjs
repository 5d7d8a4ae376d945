// 200 % text-only zoom (WCAG 1.4.4, issue #23), over every story of the Storybook build in headless
// Chromium: the browser's default font size set to 32 px (CDP `Page.setFontSizes`, what a user's
// "font size: very large" does), the page 1280 × 900. Nothing in the widgets may be cut off (an
// element with text whose content is wider or taller than a box that hides the rest) and no two
// interactive controls may overlap.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import process from 'node:process';
import { after, before, describe, it } from 'node:test';
import { launchChromium, newPage } from './harness.mjs';
import { buildStorybook, openStory } from './storybook-build.mjs';

/**
 * Found by this check and not fixed yet, each with where it is to be fixed. A problem listed here
 * must still be found (the check fails once it is gone, so that the entry goes too); anything else
 * fails at once.
 */
const known = [];

/** Run in the page: what is cut off or overlaps in the widgets. One line a problem. */
function zoomChecks() {
  const problems = [];
  const parent = (node) => node.parentElement ?? node.getRootNode().host ?? null;
  const elements = [];
  const walk = (root) => {
    for (const node of root.querySelectorAll('*')) {
      elements.push(node);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  // The widgets' own elements, in their shadow roots; not what a story's page puts around them.
  for (const node of document.querySelectorAll('#storybook-root *'))
    if (node.shadowRoot) walk(node.shadowRoot);

  /**
   * Shown, and not in a box clipped away (a visually hidden region: `clip-path: inset(50%)`, or
   * one clipped to nothing).
   */
  const shown = (node) => {
    if (!node.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    for (let at = node; at; at = parent(at)) {
      const box = at.getBoundingClientRect();
      const style = getComputedStyle(at);
      if (style.clipPath === 'inset(50%)') return false;
      if ((style.clipPath !== 'none' || style.overflow !== 'visible') && (box.width <= 1 || box.height <= 1))
        return false;
    }
    return true;
  };
  /** In a bar that stays put while the page scrolls under it (the cart): a layer of its own. */
  const pinned = (node) => {
    for (let at = node; at; at = parent(at))
      if (['sticky', 'fixed'].includes(getComputedStyle(at).position)) return true;
    return false;
  };
  const contains = (a, b) => {
    for (let at = b; at; at = parent(at)) if (at === a) return true;
    return false;
  };
  // With a modal dialog open, the rest of the page is inert: only the dialog is checked.
  const modal = elements.find((node) => node.matches('dialog:modal'));
  const describe = (node) => {
    const host = node.getRootNode().host?.localName ?? 'page';
    const part = node.getAttribute('part');
    const text = (node.getAttribute('aria-label') ?? node.textContent).trim().replace(/\s+/g, ' ');
    return `${host} ${node.localName}${part ? `[part=${part}]` : ''} "${text.slice(0, 40)}"`;
  };
  const ownText = (node) =>
    [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent.trim());

  for (const node of elements) {
    const style = getComputedStyle(node);
    const hidesX = ['hidden', 'clip'].includes(style.overflowX);
    const hidesY = ['hidden', 'clip'].includes(style.overflowY);
    if (!(hidesX || hidesY) || !node.textContent.trim() || !shown(node)) continue;
    if (modal && !contains(modal, node)) continue;
    // Text moved out of its box on purpose, for a mark drawn instead (the grid's ✓ and –).
    const indent = parseFloat(style.textIndent);
    if (style.textIndent.endsWith('%') ? indent >= 100 : indent >= node.clientWidth) continue;
    // An element with text of its own or a text-bearing child: what it hides is words.
    if (!ownText(node) && ![...node.children].some(ownText)) continue;
    const wide = hidesX && node.scrollWidth > node.clientWidth + 1;
    const tall = hidesY && node.scrollHeight > node.clientHeight + 1;
    if (wide || tall)
      problems.push(
        `${describe(node)} is cut off (${node.scrollWidth} × ${node.scrollHeight} px in ${node.clientWidth} × ${node.clientHeight})`,
      );
  }

  const interactive =
    'button, input:not([type="hidden"]), select, textarea, a[href], [role="switch"], [role="button"], [tabindex="0"]';
  const controls = elements.filter(
    (node) => node.matches(interactive) && shown(node) && (!modal || contains(modal, node)),
  );
  for (let i = 0; i < controls.length; i++) {
    const a = controls[i].getBoundingClientRect();
    for (let j = i + 1; j < controls.length; j++) {
      if (contains(controls[i], controls[j]) || contains(controls[j], controls[i])) continue;
      if (pinned(controls[i]) !== pinned(controls[j])) continue;
      const b = controls[j].getBoundingClientRect();
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) problems.push(`${describe(controls[i])} overlaps ${describe(controls[j])}`);
    }
  }
  return problems;
}

describe('Storybook: every story at 200 % text size', () => {
  let browser;
  let storybook;
  before(async () => {
    storybook = await buildStorybook();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await storybook?.close();
  });

  it('cuts nothing off and overlaps no two controls', async () => {
    assert.ok(storybook.stories.length > 50, `only ${storybook.stories.length} stories`);
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    const cdp = await page.createCDPSession();
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    const failures = [];
    for (const story of storybook.stories) {
      try {
        await openStory(browser, storybook, story.id, { page });
      } catch (error) {
        failures.push(`${story.id}: ${error.message}`);
        continue;
      }
      // The zoom took: the widgets' text is twice the default.
      const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      if (size !== '32px') failures.push(`${story.id}: the page's text is ${size}, not 32px`);
      for (const problem of await page.evaluate(zoomChecks)) failures.push(`${story.id}: ${problem}`);
    }
    await page.close();
    if (process.env.ZOOM_REPORT) await writeFile(process.env.ZOOM_REPORT, failures.join('\n'));
    for (const { problem, stories } of known)
      for (const story of stories)
        assert.ok(
          failures.some((line) => line.startsWith(`${story}: `) && problem.test(line)),
          `${story} no longer shows ${problem}: remove it from the known problems`,
        );
    assert.deepEqual(
      failures.filter((line) => !known.some(({ problem }) => problem.test(line))),
      [],
    );
  });
});
