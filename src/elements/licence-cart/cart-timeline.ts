// The review's "When each change applies" and its "Download summary", loaded with the review (the
// bar needs neither): per change, when it is usable and how this month and next month are billed
// (R5, `lineTimeline`), and the reviewed change as JSON or CSV (`changeRecord`, the record
// `licence-commit` carries).
import { html, type TemplateResult } from 'lit';
import {
  changeRecord,
  csvCell,
  decimal,
  lineTimeline,
  type ChangeRecord,
  type ChangeRecordLine,
  type ChangeSet,
  type LicensingSnapshot,
} from '../../core/index.js';
import { emit } from '../../events.js';
import { common, type CommonMessages } from '../../i18n/common.js';
import type { LocaleController } from '../../i18n/locale.js';
import { namesFrom, retentionLabel } from '../../i18n/names.js';
import { downloadBlob } from '../../ui/download.js';
import { messages, type CartTimelineMessages } from './cart-timeline.messages.js';
import { styles } from './cart-timeline.styles.js';
import type { Row } from './cart-rows.js';
import { messages as cartMessages, type LicenceCartMessages } from './licence-cart.messages.js';

/** The cart, as the column and the summary see it. */
export interface TimelineHost extends HTMLElement {
  readonly renderRoot: ParentNode;
  /** Who reviews, as the host named them; `''` for no one. */
  readonly user: string;
}

/** The steps of one review row, in words: when it applies, this month, next month (R5). */
export function timelineSteps(
  row: Row,
  period: LicensingSnapshot['period'],
  w: CartTimelineMessages,
): string[] {
  if (row.line) {
    const line = lineTimeline(row.line, period);
    const units = (count: number) => (line.perUnit ? w.billedUnits(count) : w.licences(count));
    const { thisMonth, nextMonth } = line;
    return [
      line.kind === 'increase' ? w.usableNow : w.appliesNow,
      (line.kind === 'increase' ? w.thisMonthPeak : w.keepsPeak)(units(thisMonth.peak), thisMonth.amount),
      w.nextMonth(nextMonth.start, units(nextMonth.units), nextMonth.amount),
    ];
  }
  const cap = row.cap?.after;
  if (!cap) return [w.usableNow];
  if (cap.kind === 'capped' && cap.amount.amount === 0) return [w.notBilled];
  return [w.byUse(cap.kind === 'capped' ? cap.amount : null)];
}

/**
 * The record as CSV (RFC 4180, UTF-8 with a BOM): a header, one row per change (before, after,
 * this month's and next month's charge before, after and change, the most a usage-based change can
 * cost a month), and the totals. Text goes through the formula-safe `csvCell`;
 * plain decimals stay numbers.
 */
export function summaryCsv(
  record: ChangeRecord,
  snapshot: LicensingSnapshot,
  w: CartTimelineMessages,
  m: LicenceCartMessages,
  t: CommonMessages,
): string {
  const names = namesFrom(snapshot, t);
  const c = w.csv;
  const row = (values: readonly string[]) => values.map(csvCell).join(',') + '\r\n';
  // The one text a line holds is a retention: named from the snapshot and the draft it came from.
  const retention = [snapshot.recording?.retention, record.changes.retention].map((r) =>
    r ? retentionLabel(r, t) : '',
  );
  const value = (v: ChangeRecordLine['before'], side: 0 | 1): string => {
    if (v === null) return m.noLimit;
    if (typeof v === 'boolean') return v ? m.on : m.off;
    return typeof v === 'number' ? String(v) : retention[side]!;
  };
  const item = (line: ChangeRecordLine): string => {
    if (line.kind === 'count') return names.type(line.id!);
    if (line.kind === 'retention') return m.retention;
    if (line.kind === 'power-pack-enabled') return m.powerPack;
    if (line.kind === 'power-pack-limit') return m.limitOf(names.service(line.id!));
    return m.stt;
  };
  const charges = (charge: ChangeRecordLine['thisMonth']) =>
    charge ? [decimal(charge.before), decimal(charge.after), decimal(charge.delta)] : ['', '', ''];
  const most = (line: ChangeRecordLine) =>
    line.maxSpend
      ? [line.maxSpend.before, line.maxSpend.after].map((v) => (v ? decimal(v) : m.maxSpend(null)))
      : ['', ''];
  const who = record.who ?? '';
  let text = row([
    c.when,
    c.who,
    c.item,
    c.before,
    c.after,
    c.thisMonthBefore,
    c.thisMonthAfter,
    c.thisMonthChange,
    c.nextMonthBefore,
    c.nextMonthAfter,
    c.nextMonthChange,
    c.mostBefore,
    c.mostAfter,
    c.currency,
  ]);
  for (const line of record.lines) {
    text += row([
      record.at,
      who,
      item(line),
      value(line.before, 0),
      value(line.after, 1),
      ...charges(line.thisMonth),
      ...charges(line.nextMonth),
      ...most(line),
      record.currency,
    ]);
  }
  const { thisMonth, nextMonth } = record.totals;
  return (
    text +
    row([
      record.at,
      who,
      c.total,
      '',
      '',
      ...charges(thisMonth),
      ...charges(nextMonth),
      '',
      '',
      record.currency,
    ])
  );
}

/** The review's "When each change applies" and "Download summary", for one cart. */
export class CartTimeline {
  constructor(
    private readonly host: TimelineHost,
    private readonly locale: LocaleController,
  ) {
    // Its rules come with it: the bar's first download does not carry them.
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
  }

  private get w(): CartTimelineMessages {
    return this.locale.section('licence-cart-timeline', messages);
  }

  /** Under the table: per review row, its name and its steps as an ordered list. */
  section(rows: readonly Row[], period: LicensingSnapshot['period']): TemplateResult {
    const w = this.w;
    return html`<section part="timeline" aria-labelledby="timeline-title">
      <h3 id="timeline-title">${w.title}</h3>
      ${rows.map(
        (row, i) =>
          html`<div class="when">
            <strong id="when-${i}">${row.item}</strong>
            <ol aria-labelledby="when-${i}">
              ${timelineSteps(row, period, w).map((step) => html`<li>${step}</li>`)}
            </ol>
          </div>`,
      )}
    </section>`;
  }

  /** "Download summary": JSON and CSV buttons. */
  downloads(snapshot: LicensingSnapshot, draft: ChangeSet): TemplateResult {
    const w = this.w;
    const button = (format: 'json' | 'csv') =>
      html`<button
        class="button"
        part="download-${format}-button"
        type="button"
        aria-label=${w.downloadAs(format.toUpperCase())}
        @click=${() => this.download(format, snapshot, draft)}
      >
        ${format.toUpperCase()}
      </button>`;
    return html`<p part="summary-download"><span>${w.download}</span> ${button('json')} ${button('csv')}</p>`;
  }

  /** Builds the record now, hands it over through `licence-summary-download`, then saves it unless cancelled. */
  download(format: 'json' | 'csv', snapshot: LicensingSnapshot, draft: ChangeSet): void {
    const t = this.locale.section('common', common);
    const m = this.locale.section('licence-cart', cartMessages);
    const w = this.w;
    const record = changeRecord(snapshot, draft, {
      at: new Date().toISOString(),
      who: this.host.user || null,
    });
    const blob =
      format === 'json'
        ? new Blob([JSON.stringify(record, null, 2), '\n'], { type: 'application/json' })
        : new Blob(['\uFEFF', summaryCsv(record, snapshot, w, m, t)], { type: 'text/csv;charset=utf-8' });
    const filename = w.filename(record.at.slice(0, 10), format);
    if (emit(this.host, 'licence-summary-download', { record, format, blob, filename }, { cancelable: true }))
      downloadBlob(blob, filename, this.host.renderRoot);
  }
}
