// Attributes main-thread time in a Chromium trace to the extension. Pure: takes the
// trace events (Chrome trace-event JSON) and returns numbers, so it is unit-tested.
//
// Method (see the notes for limits):
// - The trace carries V8's sampling profile of each renderer main thread
//   (category disabled-by-default-v8.cpu_profiler, "Profile"/"ProfileChunk"); each
//   sample lasts until the next one.
// - A sample is the extension's when the extension started the work (the outermost
//   JavaScript frame with a URL is the extension's: its scripts, its event listeners,
//   its timers, and every native call they make, e.g. layout forced by reading text),
//   or when the page called into an extension wrapper and the sample's innermost frame
//   is the extension's own code (the wrapped original API is charged to the page).
// - Trace events that name an extension script (EvaluateScript, v8.compile,
//   FunctionCall with data.url) add compile time, which samples do not show.
// - The union of those intervals, clipped to a window, is the extension's time.
// - A long task is a top-level RunTask > 50 ms on a page main thread; it is the
//   extension's when the extension used at least half of it, or when the task would
//   not have been long without the extension's share.

export interface TraceEvent {
  name: string;
  cat?: string;
  ph?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

interface CallFrame {
  url?: string;
  functionName?: string;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}

export interface Interval {
  start: number;
  end: number;
}

interface Attributed extends Interval {
  /** The extension function (innermost extension frame) or script the time went to. */
  fn: string;
}

export interface Window extends Interval {
  label: string;
}

export interface LongTask {
  start: number;
  durationMs: number;
  extensionMs: number;
  attributable: boolean;
}

export interface WindowResult {
  label: string;
  /** Extension main-thread time (ms) on the page's renderer main thread(s). */
  extensionMs: number;
  /** Sum of top-level tasks (≥ 1 ms each) on those threads: the page's busy time. */
  busyMs: number;
  longTasks: LongTask[];
  /** Longest stretch of extension time inside one task (ms). */
  maxExtensionPerTaskMs: number;
  /** Sampling interval seen (ms), so a reader knows the resolution. */
  sampleIntervalMs: number | null;
  /** Threads whose samples were read. */
  threads: number;
  /** Where the extension's time went (innermost extension frame; sampled time only). */
  topFunctions: { fn: string; ms: number }[];
}

export const LONG_TASK_MS = 50;

const data = (event: TraceEvent): Record<string, unknown> => (event.args?.data as Record<string, unknown> | undefined) ?? {};

/** Keeps only what the analysis needs, so a long trace fits in memory. */
export function keepEvent(event: TraceEvent, extensionPrefix: string): boolean {
  switch (event.name) {
    case 'Profile':
    case 'ProfileChunk':
    case 'thread_name':
    case 'TimeStamp':
    case 'clock_sync':
    case 'TracingStartedInBrowser':
    case 'FrameCommittedInBrowser':
      return true;
    case 'RunTask':
      return (event.dur ?? 0) >= 1000;
    case 'EvaluateScript':
    case 'v8.compile':
    case 'FunctionCall':
      return String(data(event).url ?? '').startsWith(extensionPrefix);
    default:
      return false;
  }
}

/** Merges overlapping intervals; result sorted by start. */
export function union(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** Total length of sorted, disjoint `intervals` inside [start, end). */
export function overlap(intervals: Interval[], start: number, end: number): number {
  let total = 0;
  for (const interval of intervals) {
    if (interval.end <= start) continue;
    if (interval.start >= end) break;
    total += Math.min(end, interval.end) - Math.max(start, interval.start);
  }
  return total;
}

function rendererMainThreads(events: TraceEvent[]): Set<string> {
  const keys = new Set<string>();
  for (const event of events) {
    if (event.name === 'thread_name' && (event.args?.name === 'CrRendererMain')) keys.add(`${event.pid}:${event.tid}`);
  }
  return keys;
}

/** Processes that host a web page frame (http/https) at some point in the trace. */
function webPageProcesses(events: TraceEvent[]): Set<number> {
  const pids = new Set<number>();
  const consider = (frame: Record<string, unknown>) => {
    if (/^https?:/.test(String(frame.url ?? '')) && typeof frame.processId === 'number') pids.add(frame.processId);
  };
  for (const event of events) {
    if (event.name === 'TracingStartedInBrowser') for (const frame of (data(event).frames as Record<string, unknown>[] | undefined) ?? []) consider(frame);
    if (event.name === 'FrameCommittedInBrowser') {
      const frame = data(event).frame;
      consider(typeof frame === 'object' && frame !== null ? (frame as Record<string, unknown>) : data(event));
    }
  }
  return pids;
}

interface Sampled {
  key: string;
  intervals: Attributed[];
  interval: number | null;
  /** Times when a sample was the page's own web content (proves the thread is a page). */
  webSamples: number;
}

function sampledExtensionTime(events: TraceEvent[], extensionPrefix: string): Sampled[] {
  const profiles = new Map<string, { key: string; startTime: number; nodes: Map<number, ProfileNode>; samples: number[]; deltas: number[] }>();
  for (const event of events) {
    const id = `${event.pid}:${event.id ?? ''}`;
    if (event.name === 'Profile') {
      const startTime = Number(data(event).startTime ?? event.ts);
      profiles.set(id, { key: `${event.pid}:${event.tid}`, startTime, nodes: new Map(), samples: [], deltas: [] });
    } else if (event.name === 'ProfileChunk') {
      const profile = profiles.get(id);
      if (!profile) continue;
      const chunk = data(event) as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
      for (const node of chunk.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
      profile.samples.push(...(chunk.cpuProfile?.samples ?? []));
      profile.deltas.push(...(chunk.timeDeltas ?? []));
    }
  }
  const results: Sampled[] = [];
  for (const profile of profiles.values()) {
    const verdicts = new Map<number, { extension: boolean; web: boolean; fn: string }>();
    const classify = (nodeId: number) => {
      const cached = verdicts.get(nodeId);
      if (cached) return cached;
      const leaf = profile.nodes.get(nodeId);
      let outermostUrl = '';
      let innermostExtension: CallFrame | null = null;
      for (let node = leaf; node; node = node.parent === undefined ? undefined : profile.nodes.get(node.parent)) {
        if (node.callFrame.url) outermostUrl = node.callFrame.url;
        if (!innermostExtension && node.callFrame.url?.startsWith(extensionPrefix)) innermostExtension = node.callFrame;
      }
      const leafUrl = leaf?.callFrame.url ?? '';
      const frame = innermostExtension as (CallFrame & { lineNumber?: number; columnNumber?: number }) | null;
      const verdict = {
        extension: outermostUrl.startsWith(extensionPrefix) || leafUrl.startsWith(extensionPrefix),
        web: /^https?:/.test(outermostUrl),
        fn: frame
          ? `${frame.functionName || '(anonymous)'} ${String(frame.url).slice(extensionPrefix.length).replace(/^[a-p]{32}\//, '')}:${(frame.lineNumber ?? 0) + 1}:${(frame.columnNumber ?? 0) + 1}`
          : '(extension-started native work)',
      };
      verdicts.set(nodeId, verdict);
      return verdict;
    };
    const times: number[] = [];
    let t = profile.startTime;
    for (const delta of profile.deltas) times.push((t += delta));
    const intervals: Attributed[] = [];
    const gaps: number[] = [];
    let webSamples = 0;
    for (let index = 0; index < profile.samples.length; index++) {
      const start = times[index];
      const end = times[index + 1];
      if (start === undefined || end === undefined) continue;
      gaps.push(end - start);
      const verdict = classify(profile.samples[index] as number);
      if (verdict.web) webSamples++;
      if (verdict.extension) intervals.push({ start, end, fn: verdict.fn });
    }
    gaps.sort((a, b) => a - b);
    const typical = gaps.length ? (gaps[gaps.length >> 1] as number) / 1000 : null;
    results.push({ key: profile.key, intervals, interval: typical, webSamples });
  }
  return results;
}

/** Analyses one trace; each window (trace clock, µs) gets its own result. */
export function analyseTrace(events: TraceEvent[], extensionPrefix: string, windows: Window[]): WindowResult[] {
  const mainThreads = rendererMainThreads(events);
  const pagePids = webPageProcesses(events);
  const sampled = sampledExtensionTime(events, extensionPrefix).filter(
    (profile) => mainThreads.has(profile.key) && (pagePids.has(Number(profile.key.split(':')[0])) || profile.webSamples > 0),
  );
  const pageThreads = new Set(sampled.map((profile) => profile.key));
  const perThread = new Map<string, Interval[]>();
  for (const profile of sampled) perThread.set(profile.key, [...profile.intervals]);
  const attributed = sampled.flatMap((profile) => profile.intervals);
  for (const event of events) {
    if (!['EvaluateScript', 'v8.compile', 'FunctionCall'].includes(event.name) || event.dur === undefined) continue;
    const key = `${event.pid}:${event.tid}`;
    if (!pageThreads.has(key)) continue;
    perThread.get(key)?.push({ start: event.ts, end: event.ts + event.dur });
  }
  const extension = new Map([...perThread].map(([key, intervals]) => [key, union(intervals)]));
  const tasksByThread = new Map<string, Interval[]>();
  for (const event of events) {
    if (event.name !== 'RunTask' || event.dur === undefined) continue;
    const key = `${event.pid}:${event.tid}`;
    if (!pageThreads.has(key)) continue;
    const list = tasksByThread.get(key) ?? [];
    list.push({ start: event.ts, end: event.ts + event.dur });
    tasksByThread.set(key, list);
  }
  // Only top-level tasks: drop tasks nested in an earlier one (nested run loops).
  for (const [key, tasks] of tasksByThread) {
    tasks.sort((a, b) => a.start - b.start);
    const top: Interval[] = [];
    for (const task of tasks) if (!top.length || task.start >= (top[top.length - 1] as Interval).end) top.push(task);
    tasksByThread.set(key, top);
  }
  const intervalMs = sampled.map((profile) => profile.interval).find((value) => value !== null) ?? null;

  return windows.map((window) => {
    let extensionUs = 0;
    let busyUs = 0;
    let maxPerTaskUs = 0;
    const longTasks: LongTask[] = [];
    for (const key of pageThreads) {
      const ext = extension.get(key) ?? [];
      extensionUs += overlap(ext, window.start, window.end);
      for (const task of tasksByThread.get(key) ?? []) {
        if (task.end <= window.start || task.start >= window.end) continue;
        const duration = task.end - task.start;
        busyUs += duration;
        const inTask = overlap(ext, task.start, task.end);
        maxPerTaskUs = Math.max(maxPerTaskUs, inTask);
        if (duration > LONG_TASK_MS * 1000) {
          const attributable = inTask >= duration / 2 || duration - inTask <= LONG_TASK_MS * 1000;
          longTasks.push({ start: task.start, durationMs: duration / 1000, extensionMs: inTask / 1000, attributable });
        }
      }
    }
    const byFunction = new Map<string, number>();
    for (const interval of attributed) {
      if (interval.end <= window.start || interval.start >= window.end) continue;
      byFunction.set(interval.fn, (byFunction.get(interval.fn) ?? 0) + (interval.end - interval.start));
    }
    const topFunctions = [...byFunction]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([fn, us]) => ({ fn, ms: us / 1000 }));
    return {
      label: window.label,
      extensionMs: extensionUs / 1000,
      busyMs: busyUs / 1000,
      longTasks,
      maxExtensionPerTaskMs: maxPerTaskUs / 1000,
      sampleIntervalMs: intervalMs,
      threads: pageThreads.size,
      topFunctions,
    };
  });
}

/** Windows between console.timeStamp marks named `${prefix}<label>` … `${prefix}end`. */
export function windowsFromMarks(events: TraceEvent[], prefix: string): Window[] {
  const marks = events
    .filter((event) => event.name === 'TimeStamp' && String(data(event).message ?? '').startsWith(prefix))
    .sort((a, b) => a.ts - b.ts);
  const windows: Window[] = [];
  for (let index = 0; index < marks.length; index++) {
    const mark = marks[index] as TraceEvent;
    const label = String(data(mark).message).slice(prefix.length);
    const next = marks[index + 1];
    if (label === 'end' || !next) continue;
    windows.push({ label, start: mark.ts, end: next.ts });
  }
  return windows;
}
