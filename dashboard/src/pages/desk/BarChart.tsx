import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { createEffect, onCleanup, onMount } from 'solid-js';
import { toCsv } from '../../lib/csv';

// Only the parts these charts use, so the chunk stays small; loaded with the Reports page only.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Offers `csv` as a download named `filename`. */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export interface Series {
  label: string;
  /** null: no figure (a gap in the chart, an empty CSV field). */
  values: Array<number | null>;
  color: string;
}

/** A bar chart with its numbers as a table for screen readers, and a CSV download of the same numbers. */
export function BarChart(props: { id: string; title: string; labels: string[]; series: Series[]; csvName: string; labelHeader: string }) {
  let canvas!: HTMLCanvasElement;
  let chart: Chart | undefined;
  onMount(() => {
    chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } },
    });
    onCleanup(() => chart?.destroy());
  });
  createEffect(() => {
    const labels = props.labels;
    const datasets = props.series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color }));
    if (!chart) return;
    chart.data = { labels, datasets };
    chart.update();
  });
  const csv = () => toCsv([props.labelHeader, ...props.series.map((s) => s.label)], props.labels.map((label, i) => [label, ...props.series.map((s) => s.values[i])]));
  return (
    <figure class="report-chart" data-testid={`chart-${props.id}`}>
      <figcaption>
        <h2>{props.title}</h2>
        <button type="button" class="link-button" data-testid={`csv-${props.id}`} onClick={() => downloadCsv(props.csvName, csv())}>Download CSV</button>
      </figcaption>
      <div class="report-canvas"><canvas ref={canvas} role="img" aria-label={props.title} /></div>
      <table class="sr-only">
        <caption>{props.title}</caption>
        <thead><tr><th>{props.labelHeader}</th>{props.series.map((s) => <th>{s.label}</th>)}</tr></thead>
        <tbody>{props.labels.map((label, i) => <tr><th>{label}</th>{props.series.map((s) => <td>{s.values[i]}</td>)}</tr>)}</tbody>
      </table>
    </figure>
  );
}
