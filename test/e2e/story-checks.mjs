// Functions run in a story's page (page.evaluate) by story-display.test.mjs. Each is
// self-contained: puppeteer sends its source, not its closure.

/**
 * Waits until every Lit element under the story root has rendered and none is loading (stories
 * with a slow adapter show their data after a few hundred milliseconds; a story of the loading
 * state stays loading, so after `limit` ms it is taken as it is).
 */
export async function settled(limit = 1500) {
  const elements = () => {
    const found = [];
    const walk = (root) => {
      for (const node of root.querySelectorAll('*')) {
        if (node.updateComplete) found.push(node);
        if (node.shadowRoot) walk(node.shadowRoot);
      }
    };
    walk(document.querySelector('#storybook-root'));
    return found;
  };
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  const loading = (node) => {
    try {
      return node.matches(':state(loading)');
    } catch {
      return false;
    }
  };
  const end = performance.now() + limit;
  for (;;) {
    const found = elements();
    await Promise.all(found.map((node) => node.updateComplete));
    await frame();
    if (!found.some(loading) || performance.now() > end) break;
    await new Promise((done) => setTimeout(done, 50));
  }
  await Promise.all(elements().map((node) => node.updateComplete));
  await frame();
}

/**
 * Shows story `id` in the preview already loaded, through Storybook's channel (as the manager's
 * sidebar does), without loading the page again; resolves once it has rendered.
 */
export function showStory(id) {
  return new Promise((done, fail) => {
    const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
    const timer = setTimeout(() => failed(new Error('no storyRendered within 10 s')), 10_000);
    const stop = () => {
      clearTimeout(timer);
      channel.off('storyRendered', rendered);
      channel.off('storyErrored', failed);
      channel.off('storyThrewException', failed);
      channel.off('storyMissing', failed);
    };
    const rendered = (storyId) => {
      if ((storyId?.storyId ?? storyId) !== id) return;
      stop();
      done();
    };
    const failed = (error) => {
      stop();
      fail(new Error(`${id} did not render: ${error?.message ?? error?.title ?? error}`));
    };
    channel.on('storyRendered', rendered);
    channel.on('storyErrored', failed);
    channel.on('storyThrewException', failed);
    channel.on('storyMissing', failed);
    channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
  });
}

/**
 * What is wrong with the story as shown: a horizontal page scroll (reflow, WCAG 1.4.10), an
 * interactive control smaller than 24 × 24 CSS px (WCAG 2.5.8), and with `forced` (the page under
 * forced colours) a control whose border and text have both vanished. Returns one line a problem.
 */
export function pageChecks(forced) {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1)
    problems.push(`scrolls sideways at ${width} px (${document.documentElement.scrollWidth} px wide)`);

  const interactive =
    'button, input:not([type="hidden"]), select, textarea, a[href], [role="switch"], [role="button"], [tabindex="0"]';
  const controls = [];
  const walk = (root) => {
    for (const node of root.querySelectorAll('*')) {
      if (node.matches(interactive)) controls.push(node);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  // The widgets' own controls, in their shadow roots; not what a story's page puts around them.
  for (const node of document.querySelectorAll('#storybook-root *'))
    if (node.shadowRoot) walk(node.shadowRoot);

  const parent = (node) => node.parentElement ?? node.getRootNode().host ?? null;
  /** Hidden, in a closed dialog, or in a box clipped to nothing (a visually hidden region). */
  const shown = (node) => {
    if (!node.checkVisibility({ visibilityProperty: true })) return false;
    for (let at = node; at; at = parent(at)) {
      const style = getComputedStyle(at);
      const box = at.getBoundingClientRect();
      if (style.clipPath !== 'none' && (box.width <= 1 || box.height <= 1)) return false;
    }
    return true;
  };
  const rgba = (value) => {
    const match = /rgba?\(([^)]+)\)/.exec(value);
    if (!match) return null;
    const [r, g, b, a = '1'] = match[1].split(/[ ,/]+/).filter(Boolean);
    return { key: `${r},${g},${b}`, alpha: Number(a) };
  };
  /** The colour behind `node`: its own background or its nearest ancestor's that is not transparent. */
  const background = (node) => {
    for (let at = node; at; at = parent(at)) {
      const colour = rgba(getComputedStyle(at).backgroundColor);
      if (colour && colour.alpha > 0) return colour.key;
    }
    return rgba(getComputedStyle(document.documentElement).backgroundColor)?.key ?? '255,255,255';
  };
  const visible = (value, behind) => {
    const colour = rgba(value);
    return Boolean(colour && colour.alpha > 0 && colour.key !== behind);
  };
  const describe = (node) => {
    const host = node.getRootNode().host?.localName ?? 'page';
    const name = node.getAttribute('aria-label') ?? node.textContent.trim().slice(0, 30);
    return `${host} ${node.localName}${node.className ? `.${String(node.className).split(' ')[0]}` : ''} "${name}"`;
  };

  /** A link in a sentence, which WCAG 2.5.8 exempts: inline, with words of its parent around it. */
  const inSentence = (node) =>
    getComputedStyle(node).display === 'inline' &&
    node.parentElement !== null &&
    node.parentElement.textContent.trim().length > node.textContent.trim().length;

  for (const control of controls) {
    if (!shown(control)) continue;
    const box = control.getBoundingClientRect();
    if ((box.width < 24 || box.height < 24) && !inSentence(control))
      problems.push(`${describe(control)} is ${Math.round(box.width)} × ${Math.round(box.height)} px`);
    if (!forced) continue;
    const style = getComputedStyle(control);
    const behind = background(control);
    const border = ['top', 'right', 'bottom', 'left'].some(
      (side) =>
        parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0 &&
        !['none', 'hidden'].includes(style.getPropertyValue(`border-${side}-style`)) &&
        visible(style.getPropertyValue(`border-${side}-color`), behind),
    );
    const content =
      control.textContent.trim() !== '' ||
      Boolean(control.value || control.placeholder) ||
      control.querySelector('svg') !== null ||
      (control.shadowRoot?.textContent.trim() ?? '') !== '';
    const text = content && visible(style.color, behind);
    if (!border && !text)
      problems.push(`${describe(control)} has neither border nor text under forced colours`);
  }
  return problems;
}
