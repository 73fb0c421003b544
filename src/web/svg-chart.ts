import { html, type SafeHtml } from './html.js';

export interface Bar {
  /** Short label under the bar (a day: 12-01). */
  label: string;
  /** Undefined: nothing to show that day (a gap, not a zero). */
  value: number | undefined;
}

const W = 720;
const H = 200;
const PAD = { left: 40, right: 8, top: 10, bottom: 28 };

/**
 * A plain SVG bar chart, no library: one bar per day. It is an image with a title; the numbers
 * themselves are in the table next to it, which is what screen readers read.
 */
export function barChart(options: { id: string; title: string; bars: Bar[]; max: number; unit?: string; tableId: string }): SafeHtml {
  const { bars, max } = options;
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / Math.max(1, bars.length);
  const barW = Math.max(2, step * 0.7);
  const y = (v: number) => PAD.top + innerH - (max ? (v / max) * innerH : 0);
  const ticks = [0, max / 2, max];
  const every = Math.ceil(bars.length / 10);
  return html`<svg class="chart" id="${options.id}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${options.id}-title" aria-describedby="${options.tableId}">
<title id="${options.id}-title">${options.title}</title>
${ticks.map((t) => html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ccc"/><text x="${PAD.left - 4}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#333">${Math.round(t)}${options.unit ?? ''}</text>`)}
${bars.map((b, i) => {
    const x = PAD.left + i * step + (step - barW) / 2;
    const label = i % every === 0 ? html`<text x="${(x + barW / 2).toFixed(1)}" y="${H - 8}" text-anchor="middle" font-size="10" fill="#333">${b.label}</text>` : '';
    if (b.value === undefined) return label;
    return html`<rect x="${x.toFixed(1)}" y="${y(b.value).toFixed(1)}" width="${barW.toFixed(1)}" height="${(PAD.top + innerH - y(b.value)).toFixed(1)}" fill="#12355b"><title>${b.label}: ${Math.round(b.value)}${options.unit ?? ''}</title></rect>${label}`;
  })}
</svg>`;
}
