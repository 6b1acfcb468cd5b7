// What a run means, for people: tables per family and per language, the cases that
// went wrong, and one summary line that scripts can parse.
import type { RunResult } from './run';
import type { CaseRecord } from './run-case';

interface Row {
  label: string;
  group: string;
  cases: number;
  blocked: number;
  flagged: number;
  latencies: number[];
  errors: number;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : Math.round(((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2);
}

function rows(records: CaseRecord[], by: (record: CaseRecord) => string): Row[] {
  const table = new Map<string, Row>();
  for (const record of records) {
    const key = `${record.label}\t${by(record)}`;
    const row = table.get(key) ?? { label: record.label, group: by(record), cases: 0, blocked: 0, flagged: 0, latencies: [], errors: 0 };
    row.cases++;
    if (record.blocked) row.blocked++;
    if (record.level !== 'safe') row.flagged++;
    if (record.latency_ms !== null) row.latencies.push(record.latency_ms);
    if (record.errors.length) row.errors++;
    table.set(key, row);
  }
  return [...table.values()].sort((a, b) => b.label.localeCompare(a.label) || b.cases - a.cases || a.group.localeCompare(b.group));
}

function table(title: string, data: Row[]): string[] {
  const header = ['label', title, 'cases', 'blocked', 'rate', '≥suspicious', 'median ms', 'with errors'];
  const body = data.map((row) => [
    row.label,
    row.group,
    String(row.cases),
    String(row.blocked),
    `${Math.round((100 * row.blocked) / row.cases)}%`,
    String(row.flagged),
    String(median(row.latencies) ?? '-'),
    String(row.errors || ''),
  ]);
  const widths = header.map((cell, index) => Math.max(cell.length, ...body.map((line) => (line[index] ?? '').length)));
  const format = (cells: string[]) =>
    cells.map((cell, index) => (index < 2 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ').trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...body.map(format)];
}

/** The run's last line, exactly: `evaluate: scam B/S blocked, benign F/N flagged`. */
export function summaryLine(records: CaseRecord[]): string {
  const scam = records.filter((record) => record.label === 'scam');
  const benign = records.filter((record) => record.label === 'benign');
  const blocked = (list: CaseRecord[]) => list.filter((record) => record.blocked).length;
  return `evaluate: scam ${blocked(scam)}/${scam.length} blocked, benign ${blocked(benign)}/${benign.length} flagged`;
}

export function reportLines(result: RunResult, corpus: string): string[] {
  const records = result.cases;
  const lines = [
    `evaluate: ${result.browser} with ${result.extension}, ${records.length} cases from ${corpus}, ` +
      `${Math.round(result.duration_ms / 1000)} s (concurrency ${result.concurrency}, settle ${result.settle_ms} ms)`,
    '',
    ...table('family', rows(records, (record) => record.family)),
    '',
    ...table('lang', rows(records, (record) => record.lang)),
    '',
  ];
  const missed = records.filter((record) => record.label === 'scam' && !record.blocked);
  const falsePositives = records.filter((record) => record.label === 'benign' && record.blocked);
  const withErrors = records.filter((record) => record.errors.length);
  const describe = (record: CaseRecord) =>
    `  ${record.id} (${record.level}${record.reasons.length ? `: ${record.reasons.join(', ')}` : ''})`;
  if (falsePositives.length) lines.push(`benign cases blocked (${falsePositives.length}):`, ...falsePositives.map(describe), '');
  if (missed.length) lines.push(`scam cases not blocked (${missed.length}):`, ...missed.map(describe), '');
  if (withErrors.length) {
    lines.push(`cases with harness errors (${withErrors.length}):`, ...withErrors.map((record) => `  ${record.id}: ${record.errors.join('; ')}`), '');
  }
  const traffic = result.traffic;
  const unattributed = Object.entries(traffic.unattributed);
  lines.push(
    `requests: ${traffic.served} served from the cases, ${traffic.missing} missing from them, ` +
      `${traffic.foreign} to other hosts and ${traffic.https} HTTPS connections answered locally ` +
      `(${traffic.browser_service} from the browser itself, ${unattributed.reduce((sum, [, count]) => sum + count, 0)} unattributed); ` +
      `${traffic.unanswered} unanswered (the browser's only way out is this local server).`,
    `dialogs dismissed: ${records.reduce((sum, record) => sum + record.dialogs, 0)}, popups closed: ${records.reduce((sum, record) => sum + record.popups, 0)}`,
    summaryLine(records),
  );
  return lines;
}
