import { html, svg, type SVGTemplateResult } from 'lit';

// Decorative icons of the installation-licence widgets. Each is hidden from assistive technology:
// the button or text next to it carries the meaning, so nothing depends on the icon alone.

// The shapes are `svg` templates: an `html` template would parse <path> as an HTML element. Each
// is made inside a function and marked pure, so a host's bundler drops the icons a widget does
// not show (a tagged template is a call, which a bundler keeps unless told it has no side effect).
const icon = (shape: () => SVGTemplateResult) =>
  html`<svg
    class="icon"
    viewBox="0 0 24 24"
    width="20"
    height="20"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
  >
    ${shape()}
  </svg>`;

/** The pencil of the product's "blue pencil icon" (manual update, R10 in docs/rules.md). */
export const pencilIcon = /* @__PURE__ */ icon(
  () => svg`<path d="M4 20h4L19 9l-4-4L4 16v4z" /><path d="M13.5 6.5l4 4" />`,
);
/** The download icon (licence log file). */
export const downloadIcon = /* @__PURE__ */ icon(
  () => svg`<path d="M12 4v11" /><path d="M7 10l5 5 5-5" /><path d="M5 20h14" />`,
);
/** Copy to the clipboard. */
export const copyIcon = /* @__PURE__ */ icon(
  () => svg`<rect x="9" y="9" width="11" height="11" rx="2" /><path d="M5 15V6a2 2 0 0 1 2-2h8" />`,
);
/** Included. */
export const checkIcon = /* @__PURE__ */ icon(() => svg`<path d="M5 12.5l4.5 4.5L19 7" />`);
/** Not included. */
export const crossIcon = /* @__PURE__ */ icon(() => svg`<path d="M6 6l12 12" /><path d="M18 6L6 18" />`);
/** A warning (grace period, expiring soon). */
export const warningIcon = /* @__PURE__ */ icon(
  () => svg`<path d="M12 3l10 18H2L12 3z" /><path d="M12 10v5" /><path d="M12 18h.01" />`,
);
/** A stop (deactivated, expired). */
export const stopIcon = /* @__PURE__ */ icon(() => svg`<circle cx="12" cy="12" r="9" /><path d="M8 12h8" />`);
