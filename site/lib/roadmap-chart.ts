/**
 * The portfolio roadmap as an SVG bar chart, built as a string at build time: one stacked bar per
 * quarter (agreed at the bottom, proposed, deferred on top), quiet quarters marked by a dashed band
 * and the word "quiet" (not by colour alone). Self-contained: no script, no external font or
 * font, sized by its viewBox so it scales with the page and prints. Every text is escaped. It is
 * presentation, so it lives with the site: its colours are the site's CSS (`.roadmap-chart` in
 * site/public/site.css), keyed by the classes drawn here.
 */
import { formatCents, type Cents } from '#core/model/money';
import type { PortfolioRoadmap, RoadmapQuarter } from '#core/model/roadmap';

export interface RoadmapChartOptions {
  currency: string;
  locale: string;
  /** The chart's accessible name; default "Planned work by quarter". */
  title?: string;
  /** Prefix of the ids inside the SVG (title, desc, pattern); make it unique when a page has two charts. */
  idPrefix?: string;
}

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const WIDTH = 760;
const HEIGHT = 340;
const LEFT = 76;
const RIGHT = 12;
const TOP = 44;
const BOTTOM = 66;

/** Numbers in the SVG: at most one decimal, no float noise, so the output is byte-stable. */
const n = (value: number) => String(Math.round(value * 10) / 10);

/** A step of 1, 2, 2.5 or 5 times a power of ten (in currency units) giving about four grid lines. */
function niceStep(maxUnits: number): number {
  const rough = maxUnits / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
}

/** The stacked bar chart of the portfolio's quarters. */
export function roadmapChartSvg(roadmap: PortfolioRoadmap, options: RoadmapChartOptions): string {
  const { currency, locale } = options;
  // Ids go into attributes and url(#...) references: keep them to characters that need no escaping.
  const id = (options.idPrefix ?? 'roadmap-chart').replace(/[^A-Za-z0-9_-]/g, '-');
  const title = options.title ?? 'Planned work by quarter';
  const money = (cents: Cents) => formatCents(cents, currency, locale);
  const quarters = roadmap.quarters;
  const stack = (q: RoadmapQuarter) => q.totals.agreed + q.totals.proposed + q.totals.deferred + q.lifecycle.total;
  const maxCents = Math.max(0, ...quarters.map(stack));
  const maxUnits = maxCents / 100;
  const step = maxUnits > 0 ? niceStep(maxUnits) : 1000;
  const top = maxUnits > 0 ? Math.ceil(maxUnits / step) * step : step * 4;
  const plotH = HEIGHT - TOP - BOTTOM;
  const plotW = WIDTH - LEFT - RIGHT;
  const slot = plotW / Math.max(quarters.length, 1);
  const barW = Math.min(36, slot * 0.62);
  const y = (units: number) => TOP + plotH - (units / top) * plotH;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc" class="roadmap-chart" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="12">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(describe(roadmap, money))}</desc>`,
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect class="hatch-base" width="6" height="6"/><line class="hatch-line" x1="0" y1="0" x2="0" y2="6" stroke-width="2"/></pattern></defs>`,
  );

  // Legend.
  const legend: [string, string, string][] = [
    ['agreed', '', 'Agreed'],
    ['proposed', '', 'Proposed'],
    ['deferred', `url(#${id}-hatch)`, 'Deferred'],
    ['lifecycle', '', 'Renewals, replacements'],
  ];
  out.push('<g class="legend" aria-hidden="true">');
  let lx = LEFT;
  for (const [cls, fill, label] of legend) {
    out.push(`<rect class="${cls}" x="${n(lx)}" y="12" width="14" height="14"${fill ? ` fill="${fill}"` : ''}/><text x="${n(lx + 20)}" y="23">${label}</text>`);
    lx += cls === 'lifecycle' ? 170 : 100;
  }
  out.push(
    `<rect class="quiet-band" x="${n(lx)}" y="12" width="14" height="14" stroke-dasharray="3 2"/><text x="${n(lx + 20)}" y="23">Quiet quarter</text>`,
    '</g>',
  );

  // Grid and axis labels.
  out.push('<g class="grid" aria-hidden="true">');
  for (let v = 0; v <= top + step / 1000; v += step) {
    const gy = y(v);
    out.push(
      `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${n(gy)}" y2="${n(gy)}" stroke-width="1"/>`,
      `<text x="${LEFT - 8}" y="${n(gy + 4)}" text-anchor="end">${escapeXml(formatCents(Math.round(v * 100), currency, locale, { compact: true }))}</text>`,
    );
  }
  out.push('</g>');
  if (maxCents === 0) {
    out.push(`<text x="${n(LEFT + plotW / 2)}" y="${n(TOP + plotH / 2)}" text-anchor="middle">No costed work planned in these quarters</text>`);
  }

  // One group per quarter.
  quarters.forEach((q, i) => {
    const x0 = LEFT + i * slot;
    const cx = x0 + slot / 2;
    const classes = q.quiet ? 'quarter quiet' : 'quarter';
    out.push(`<g class="${classes}" data-quarter="${escapeXml(q.key)}">`, `<title>${escapeXml(quarterSummary(q, money))}</title>`);
    if (q.quiet) {
      out.push(
        `<rect class="quiet-band" x="${n(x0 + 3)}" y="${TOP}" width="${n(slot - 6)}" height="${plotH}" stroke-dasharray="4 3"/>`,
      );
    }
    let base = 0;
    for (const [status, fill] of [
      ['agreed', ''],
      ['proposed', ''],
      ['deferred', `url(#${id}-hatch)`],
      ['lifecycle', ''],
    ] as const) {
      const units = (status === 'lifecycle' ? q.lifecycle.total : q.totals[status]) / 100;
      if (units <= 0) continue;
      const y1 = y(base + units);
      const y0 = y(base);
      out.push(`<rect class="${status}" x="${n(cx - barW / 2)}" y="${n(y1)}" width="${n(barW)}" height="${n(y0 - y1)}"${fill ? ` fill="${fill}"` : ''}/>`);
      base += units;
    }
    const labelY = TOP + plotH + 16;
    out.push(`<text x="${n(cx)}" y="${labelY}" text-anchor="middle">Q${q.q}</text>`);
    if (q.q === 1 || i === 0) out.push(`<text x="${n(cx)}" y="${labelY + 14}" text-anchor="middle" font-weight="bold">${q.year}</text>`);
    if (q.quiet) out.push(`<text class="quiet-label" x="${n(cx)}" y="${labelY + 30}" text-anchor="middle" font-style="italic">quiet</text>`);
    out.push('</g>');
  });
  out.push(`<line class="axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${TOP + plotH}" y2="${TOP + plotH}" stroke-width="1" aria-hidden="true"/>`);
  out.push('</svg>');
  return out.join('\n');
}

const MAX_NAMED_CLIENTS = 6;

function quarterSummary(q: RoadmapQuarter, money: (c: Cents) => string): string {
  const parts = [
    `${q.label}: agreed ${money(q.totals.agreed)}, proposed ${money(q.totals.proposed)}, deferred ${money(q.totals.deferred)}` +
      (q.lifecycle.total > 0 ? `, renewals and replacements ${money(q.lifecycle.total)}` : ''),
    `${q.items} ${q.items === 1 ? 'item' : 'items'}`,
  ];
  if (q.replacements > 0) parts.push(`${q.replacements} ${q.replacements === 1 ? 'asset replacement' : 'asset replacements'}`);
  if (q.uncosted > 0) parts.push(`${q.uncosted} without a cost`);
  // Names help with a handful of clients; with hundreds they would bury the figures (and the page).
  if (q.clients.length > 0 && q.clients.length <= MAX_NAMED_CLIENTS) parts.push(`clients: ${q.clients.map((c) => c.name).join(', ')}`);
  else if (q.clients.length > MAX_NAMED_CLIENTS) parts.push(`${q.clients.length} clients`);
  let text = parts.join('; ');
  if (q.quietReason === 'no-work') text += '. Quiet: no agreed or proposed work, no renewal or replacement';
  if (q.quietReason === 'thin') text += '. Quiet: little planned work';
  return `${text}.`;
}

function describe(roadmap: PortfolioRoadmap, money: (c: Cents) => string): string {
  const qs = roadmap.quarters;
  if (qs.length === 0) return 'No quarters.';
  const lines = [
    `Stacked bars of agreed, proposed and deferred roadmap costs, with renewals and replacements on top, for each quarter from ${qs[0]!.label} to ${qs[qs.length - 1]!.label}.`,
    ...qs.map((q) => quarterSummary(q, money)),
  ];
  const quiet = qs.filter((q) => q.quiet).map((q) => q.label);
  lines.push(quiet.length > 0 ? `Quiet quarters: ${quiet.join(', ')}.` : 'No quiet quarters.');
  if (roadmap.overdue.items > 0) lines.push(`Not shown: ${roadmap.overdue.items} overdue or unscheduled ${roadmap.overdue.items === 1 ? 'item' : 'items'}.`);
  if (roadmap.later.items > 0) lines.push(`Not shown: ${roadmap.later.items} ${roadmap.later.items === 1 ? 'item' : 'items'} later than ${qs[qs.length - 1]!.label}.`);
  return lines.join(' ');
}
