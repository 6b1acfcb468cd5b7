// Attributes main-thread time in a Chromium trace to the extension. Pure: takes the
// trace events (Chrome trace-event JSON) and returns numbers, so it is unit-tested.
//
// Method (see the notes for limits):
// - The trace carries V8's sampling profile of each renderer main thread
//   (category disabled-by-default-v8.cpu_profiler, "Profile"/"ProfileChunk"); each
//   sample lasts until the next one, but at most CAP_FACTOR sampling intervals: a longer
//   gap means the OS gave the CPU to another process (this machine is shared), and that
//   wait is nobody's work.
// - A sample is the extension's when the extension started the work (the outermost
//   JavaScript frame with a URL is the extension's: its scripts, its event listeners,
//   its timers, and every native call they make, e.g. layout forced by reading text),
//   or when the page called into an extension wrapper and the sample's innermost frame
//   is the extension's own code (the wrapped original API is charged to the page).
// - Trace events that name an extension script (EvaluateScript, v8.compile,
//   FunctionCall with data.url) add the thread time (tdur) the samples inside them do not
//   explain, e.g. compiling the script, which samples do not show.
// - A long task is a top-level RunTask with more than 50 ms of thread time (wall time
//   when the trace has no thread time); it is the extension's when the extension used at
//   least half of it, or when the task would not have been long without the extension.
// Wall-clock figures are kept next to them (…WallMs), for a machine with idle cores.

export interface TraceEvent {
  name: string;
  cat?: string;
  ph?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs. */
  tdur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

interface CallFrame {
  url?: string;
  functionName?: string;
  lineNumber?: number;
  columnNumber?: number;
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

interface Sample extends Interval {
  /** End when the sample is capped (see CAP_FACTOR). */
  cappedEnd: number;
  /** The extension function (innermost extension frame), or null when not the extension's. */
  fn: string | null;
}

interface ScriptEvent extends Interval {
  cpu: number;
}

export interface Window extends Interval {
  label: string;
}

export interface LongTask {
  start: number;
  /** Thread time of the task (wall time when the trace has none). */
  durationMs: number;
  wallMs: number;
  extensionMs: number;
  attributable: boolean;
}

export interface WindowResult {
  label: string;
  /** Extension main-thread time (ms) on the page's renderer main thread(s). */
  extensionMs: number;
  /** The same from wall-clock intervals (includes time the OS ran other processes). */
  extensionWallMs: number;
  /** Thread time of the top-level tasks (≥ 1 ms each) on those threads: the page's busy time. */
  busyMs: number;
  longTasks: LongTask[];
  /** Most extension time inside one task (ms). */
  maxExtensionPerTaskMs: number;
  /** Sampling interval seen (ms), so a reader knows the resolution. */
  sampleIntervalMs: number | null;
  /** Renderer main threads read (the page's frames may live in several processes). */
  threads: number;
  /** Where the extension's sampled time went (innermost extension frame). */
  topFunctions: { fn: string; ms: number }[];
}

export const LONG_TASK_MS = 50;
export const CAP_FACTOR = 2;
/** How many of the extension's functions a page's result names (FWB_BENCH_TOP to see more). */
const TOP_FUNCTIONS = Number(globalThis.process?.env.FWB_BENCH_TOP) || 5;
const SCRIPT_EVENTS = ['EvaluateScript', 'v8.compile', 'FunctionCall'];

const data = (event: TraceEvent): Record<string, unknown> => (event.args?.data as Record<string, unknown> | undefined) ?? {};

/** Keeps only what the analysis needs, so a long trace fits in memory. */
export function keepEvent(event: TraceEvent, extensionPrefix: string): boolean {
  switch (event.name) {
    case 'Profile':
    case 'ProfileChunk':
    case 'thread_name':
    case 'clock_sync':
    case 'TracingStartedInBrowser':
    case 'FrameCommittedInBrowser':
      return true;
    case 'RunTask':
      return (event.dur ?? 0) >= 1000;
    default:
      return SCRIPT_EVENTS.includes(event.name) && String(data(event).url ?? '').startsWith(extensionPrefix);
  }
}

/** Merges overlapping intervals; result sorted by start. */
export function union(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ start: interval.start, end: interval.end });
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

/** Drops intervals nested in an earlier one (sorted by start). */
function topLevel<T extends Interval>(intervals: T[]): T[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const top: T[] = [];
  for (const interval of sorted) if (!top.length || interval.start >= (top[top.length - 1] as T).end) top.push(interval);
  return top;
}

function rendererMainThreads(events: TraceEvent[]): Set<string> {
  const keys = new Set<string>();
  for (const event of events) if (event.name === 'thread_name' && event.args?.name === 'CrRendererMain') keys.add(`${event.pid}:${event.tid}`);
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

interface Profile {
  key: string;
  samples: Sample[];
  intervalUs: number | null;
  /** Samples whose outermost frame is a web page's script (proves the thread is a page). */
  webSamples: number;
}

function describe(frame: CallFrame, extensionPrefix: string): string {
  const file = String(frame.url).slice(extensionPrefix.length).replace(/^[a-p]{32}\//, '');
  return `${frame.functionName || '(anonymous)'} ${file}:${(frame.lineNumber ?? 0) + 1}:${(frame.columnNumber ?? 0) + 1}`;
}

function readProfiles(events: TraceEvent[], extensionPrefix: string): Profile[] {
  const raw = new Map<string, { key: string; startTime: number; nodes: Map<number, ProfileNode>; samples: number[]; deltas: number[] }>();
  for (const event of events) {
    const id = `${event.pid}:${event.id ?? ''}`;
    if (event.name === 'Profile') {
      raw.set(id, { key: `${event.pid}:${event.tid}`, startTime: Number(data(event).startTime ?? event.ts), nodes: new Map(), samples: [], deltas: [] });
    } else if (event.name === 'ProfileChunk') {
      const profile = raw.get(id);
      if (!profile) continue;
      const chunk = data(event) as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
      for (const node of chunk.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
      profile.samples.push(...(chunk.cpuProfile?.samples ?? []));
      profile.deltas.push(...(chunk.timeDeltas ?? []));
    }
  }
  return [...raw.values()].map((profile) => {
    const verdicts = new Map<number, { fn: string | null; web: boolean }>();
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
      const extension = outermostUrl.startsWith(extensionPrefix) || Boolean(leaf?.callFrame.url?.startsWith(extensionPrefix));
      const verdict = { fn: extension && innermostExtension ? describe(innermostExtension, extensionPrefix) : null, web: /^https?:/.test(outermostUrl) };
      verdicts.set(nodeId, verdict);
      return verdict;
    };
    const times: number[] = [];
    let t = profile.startTime;
    for (const delta of profile.deltas) times.push((t += delta));
    const gaps = times.slice(1).map((time, index) => time - (times[index] as number)).sort((a, b) => a - b);
    const intervalUs = gaps.length ? (gaps[gaps.length >> 1] as number) : null;
    const cap = (intervalUs ?? 1000) * CAP_FACTOR;
    const samples: Sample[] = [];
    let webSamples = 0;
    for (let index = 0; index + 1 < profile.samples.length && index + 1 < times.length; index++) {
      const start = times[index] as number;
      const end = times[index + 1] as number;
      const verdict = classify(profile.samples[index] as number);
      if (verdict.web) webSamples++;
      samples.push({ start, end, cappedEnd: Math.min(end, start + cap), fn: verdict.fn });
    }
    return { key: profile.key, samples, intervalUs, webSamples };
  });
}

interface ThreadData {
  /** The extension's samples, sorted. */
  samples: Sample[];
  /** Top-level extension script events, sorted. */
  scripts: ScriptEvent[];
  /** Wall intervals of extension work (samples ∪ script events), merged. */
  wall: Interval[];
  tasks: ScriptEvent[];
}

/** Extension CPU time in [start, end): capped samples plus what script events add. */
function extensionCpu(thread: ThreadData, start: number, end: number): number {
  let total = 0;
  for (const sample of thread.samples) if (sample.start >= start && sample.start < end) total += sample.cappedEnd - sample.start;
  for (const script of thread.scripts) {
    if (script.start < start || script.start >= end) continue;
    let explained = 0;
    for (const sample of thread.samples) if (sample.start >= script.start && sample.start < script.end) explained += sample.cappedEnd - sample.start;
    total += Math.max(0, script.cpu - explained);
  }
  return total;
}

/** Analyses one trace; each window (trace clock, µs) gets its own result. */
export function analyseTrace(events: TraceEvent[], extensionPrefix: string, windows: Window[]): WindowResult[] {
  const mainThreads = rendererMainThreads(events);
  const pagePids = webPageProcesses(events);
  const profiles = readProfiles(events, extensionPrefix).filter(
    (profile) => mainThreads.has(profile.key) && (pagePids.has(Number(profile.key.split(':')[0])) || profile.webSamples > 0),
  );
  const threads = new Map<string, ThreadData>();
  for (const profile of profiles) {
    const samples = profile.samples.filter((sample) => sample.fn !== null);
    threads.set(profile.key, { samples, scripts: [], wall: [], tasks: [] });
  }
  const scriptsByThread = new Map<string, ScriptEvent[]>();
  for (const event of events) {
    const thread = threads.get(`${event.pid}:${event.tid}`);
    if (!thread || event.dur === undefined) continue;
    const interval = { start: event.ts, end: event.ts + event.dur, cpu: event.tdur ?? event.dur };
    if (event.name === 'RunTask') thread.tasks.push(interval);
    else if (SCRIPT_EVENTS.includes(event.name)) {
      const list = scriptsByThread.get(`${event.pid}:${event.tid}`) ?? [];
      list.push(interval);
      scriptsByThread.set(`${event.pid}:${event.tid}`, list);
    }
  }
  for (const [key, thread] of threads) {
    thread.scripts = topLevel(scriptsByThread.get(key) ?? []);
    thread.tasks = topLevel(thread.tasks);
    thread.wall = union([...thread.samples, ...thread.scripts]);
  }
  const intervalUs = profiles.map((profile) => profile.intervalUs).find((value) => value !== null) ?? null;

  return windows.map((window) => {
    let extensionUs = 0;
    let wallUs = 0;
    let busyUs = 0;
    let maxPerTaskUs = 0;
    const longTasks: LongTask[] = [];
    const byFunction = new Map<string, number>();
    for (const thread of threads.values()) {
      extensionUs += extensionCpu(thread, window.start, window.end);
      wallUs += overlap(thread.wall, window.start, window.end);
      for (const sample of thread.samples) {
        if (sample.start < window.start || sample.start >= window.end) continue;
        byFunction.set(sample.fn as string, (byFunction.get(sample.fn as string) ?? 0) + (sample.cappedEnd - sample.start));
      }
      for (const task of thread.tasks) {
        if (task.start < window.start || task.start >= window.end) continue;
        busyUs += task.cpu;
        const inTask = Math.min(task.cpu, extensionCpu(thread, task.start, task.end));
        maxPerTaskUs = Math.max(maxPerTaskUs, inTask);
        if (task.cpu > LONG_TASK_MS * 1000) {
          const attributable = inTask >= task.cpu / 2 || task.cpu - inTask <= LONG_TASK_MS * 1000;
          longTasks.push({ start: task.start, durationMs: task.cpu / 1000, wallMs: (task.end - task.start) / 1000, extensionMs: inTask / 1000, attributable });
        }
      }
    }
    const topFunctions = [...byFunction]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP_FUNCTIONS)
      .map(([fn, us]) => ({ fn, ms: us / 1000 }));
    return {
      label: window.label,
      extensionMs: extensionUs / 1000,
      extensionWallMs: wallUs / 1000,
      busyMs: busyUs / 1000,
      longTasks,
      maxExtensionPerTaskMs: maxPerTaskUs / 1000,
      sampleIntervalMs: intervalUs === null ? null : intervalUs / 1000,
      threads: threads.size,
      topFunctions,
    };
  });
}
