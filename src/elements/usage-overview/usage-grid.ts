import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { LicenceType } from '../../core/index.js';
import type { AssignController } from './assign.js';
import type { GridKeyboardController } from './grid-keyboard.controller.js';
import type { RowWindowController } from './row-window.controller.js';
import type { UsageOverviewMessages } from './usage-overview.messages.js';
import type { UsageResult } from './usage-pages.js';

/**
 * The ARIA grid of `<usage-overview>`: a sticky header and the rows in the row window, in the DOM
 * the row window and the keyboard controllers read (see `row-window.controller.ts`).
 */
export function usageGrid(
  shown: UsageResult,
  /** A newer result is on its way (`aria-busy`). */
  busy: boolean,
  rowWindow: RowWindowController,
  keyboard: GridKeyboardController,
  catalog: readonly LicenceType[],
  m: UsageOverviewMessages,
  /** The selection (assign.ts), once loaded; rows can be selected while it is `on`. */
  selection?: AssignController | null,
): TemplateResult {
  const { first, last } = rowWindow.window;
  const assign = selection?.on ? selection : undefined;
  const rows: number[] = [];
  for (let i = first; i <= last; i++) rows.push(i);
  return html`<div
    part="table"
    class="table"
    role="grid"
    aria-label=${m.tableLabel}
    aria-rowcount=${rowWindow.total() + 1}
    aria-colcount=${catalog.length + 1}
    aria-busy=${busy ? 'true' : 'false'}
    tabindex=${keyboard.gridTabIndex}
    @keydown=${keyboard.onKeydown}
    @focusin=${keyboard.onFocusin}
    @focus=${keyboard.onFocus}
    @scroll=${rowWindow.onScroll}
  >
    <div class="inner">
      <div part="header" class="header" role="rowgroup">
        <div class="row" role="row" aria-rowindex="1">
          <span part="column-header" class="cell name" role="columnheader">${m.agentColumn}</span>
          ${catalog.map(
            (type) =>
              html`<span part="column-header" class="cell type" role="columnheader">${type.name}</span>`,
          )}
        </div>
      </div>
      <div class="space">
        <div class="probe" aria-hidden="true"></div>
        <div part="body" class="body" role="rowgroup">
          ${repeat(
            rows,
            (index) => index,
            (index) => usageRow(shown, index, keyboard, catalog, m, assign),
          )}
        </div>
      </div>
    </div>
  </div>`;
}

/**
 * One template whether the agent is here or still coming, so the row's elements stay the same
 * when its page lands: a focused cell keeps focus.
 */
function usageRow(
  shown: UsageResult,
  index: number,
  keyboard: GridKeyboardController,
  catalog: readonly LicenceType[],
  m: UsageOverviewMessages,
  assign: AssignController | undefined,
): TemplateResult {
  const agent = shown.row(index);
  const tab = (col: number) => keyboard.tabIndex(index, col);
  return html`<div
    part=${agent ? 'row' : 'row loading-row'}
    class="row"
    role="row"
    aria-rowindex=${index + 2}
    data-row=${index}
  >
    <span part="agent" class="cell name" role="rowheader" tabindex=${tab(0)} data-col="0"
      >${assign?.pick(index, agent)}${
        agent
          ? html`<span class="agent-name">${agent.name}</span>${
                agent.email ? html`<span part="agent-email" class="email">${agent.email}</span>` : nothing
              }`
          : html`<span class="visually-hidden">${m.loadingRow}</span
              ><span class="skeleton" aria-hidden="true"></span>`
      }</span
    >
    ${catalog.map((type, i) => {
      const has = agent?.licences.includes(type.id);
      const kind = has === undefined ? '' : has ? 'yes' : 'no';
      // The glyph comes from CSS (with empty alternative text); the words are what a screen
      // reader reads after the column header: "Voice, has licence". Not colour alone: ✓ vs –.
      // `data-type` is the type's name the narrow layout's cards show beside the glyph.
      return html`<span
        part=${kind ? `mark mark-${kind}` : 'mark'}
        class="cell mark ${kind}"
        data-type=${type.name}
        role="gridcell"
        tabindex=${tab(i + 1)}
        data-col=${i + 1}
        >${kind ? (has ? m.hasLicence : m.noLicence) : ''}</span
      >`;
    })}
  </div>`;
}
