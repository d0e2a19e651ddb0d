/**
 * What the trace diagnostics (bench/traceTyping.ts, bench/traceStartup.ts) read from a Chromium
 * trace: its events, the renderer's main thread, that thread's self time by trace event between
 * two moments, and its JavaScript samples labelled by the app's function or the package they ran
 * in, through the traced build's source maps.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

/** The categories every trace diagnostic records: the timeline, the page's user timing marks, V8's CPU profile. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8',
  'toplevel',
  'blink',
  'disabled-by-default-v8.cpu_profiler',
];

/** The events of a trace, as Browser.stopTracing returns it. */
export function readTrace(trace: Buffer): TraceEvent[] {
  return (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
}

/** A renderer's main thread (CrRendererMain): its thread id and its complete events. */
export function mainThread(events: TraceEvent[], pid: number): { tid: number; events: TraceEvent[] } {
  const tid = events.find((e) => e.ph === 'M' && e.pid === pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')!.tid;
  return { tid, events: events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined) };
}

/**
 * Self time (µs) by event label within [from, to] of the main thread's complete events (labelled by
 * name unless told otherwise); "(no event)" for the rest, when the thread ran nothing traced.
 */
export function breakdown(events: TraceEvent[], from: number, to: number, labelOf: (e: TraceEvent) => string = (e) => e.name): Map<string, number> {
  const inWindow = events.filter((e) => e.ts < to && e.ts + (e.dur ?? 0) > from).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out = new Map<string, number>();
  const add = (k: string, v: number) => v > 0 && out.set(k, (out.get(k) ?? 0) + v);
  // A stack walk: each event's self time is its clipped duration minus its children's.
  const stack: Array<{ e: TraceEvent; end: number; label: string; childTime: number }> = [];
  let covered = 0;
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= upTo) {
      const top = stack.pop()!;
      const d = Math.min(top.end, to) - Math.max(top.e.ts, from);
      add(top.label, d - top.childTime);
      if (stack.length) stack[stack.length - 1]!.childTime += d;
      else covered += d;
    }
  };
  for (const e of inWindow) {
    close(e.ts);
    stack.push({ e, end: e.ts + (e.dur ?? 0), label: labelOf(e), childTime: 0 });
  }
  close(Infinity);
  add('(no event)', to - from - covered);
  return out;
}

/** The mean of times by label over several windows (a label missing from one counts 0 there), largest first. */
export function meanTimes(windows: Array<Map<string, number>>): Array<[string, number]> {
  const sum = new Map<string, number>();
  for (const w of windows) for (const [k, v] of w) sum.set(k, (sum.get(k) ?? 0) + v);
  return [...sum].map(([k, v]): [string, number] => [k, v / windows.length]).sort((a, b) => b[1] - a[1]);
}

/** Where a script position is in the sources: the source file (npm:name/… for a package's) and line, else the script's file and line. */
export interface SourcePlace {
  file: string;
  line: number;
}

const ROOT = path.resolve(__dirname, '..');

/** The source maps of the traced scripts: the app's (of a build/app folder, this checkout's by default) and the bare page's. */
export class SourceMaps {
  private readonly dirs: string[];
  private readonly maps = new Map<string, SourceMapConsumer | null>();

  constructor(appBuild = path.join(ROOT, 'build', 'app')) {
    this.dirs = [path.join(appBuild, 'renderer', 'assets'), path.join(ROOT, 'build', 'bench', 'bare', 'assets')];
  }

  /** The place of a script position (line from 1, column from 0). */
  placeOf(url: string, line: number, column: number): SourcePlace {
    const file = url.split('/').pop() ?? '';
    const pos = this.mapOf(file)?.originalPositionFor({ line, column: Math.max(0, column) });
    if (!pos?.source) return { file, line };
    return { file: pos.source.replace(/.*node_modules\//, 'npm:').replace(/^(\.\.\/)+/, ''), line: pos.line };
  }

  /** The place of a script position as file:line. */
  where(url: string, line: number, column: number): string {
    const place = this.placeOf(url, line, column);
    return `${place.file}:${place.line}`;
  }

  /** The place of a CPU profile's frame (which counts lines and columns from 0). */
  frameOf(f: CallFrame): SourcePlace {
    return this.placeOf(f.url, f.lineNumber + 1, f.columnNumber);
  }

  private mapOf(file: string): SourceMapConsumer | null {
    if (!this.maps.has(file)) {
      const dir = this.dirs.find((d) => existsSync(path.join(d, `${file}.map`)));
      this.maps.set(file, dir ? new SourceMapConsumer(JSON.parse(readFileSync(path.join(dir, `${file}.map`), 'utf8'))) : null);
    }
    return this.maps.get(file)!;
  }
}

/** A source file's package (npm:name) if a package's, else the file. */
export function packageOf(file: string): string {
  return file.replace(/^(npm:(@[^/]+\/)?[^/]+).*/, '$1');
}

/** A JavaScript sample of the main thread: its time (µs, the trace's clock) and label. */
export interface JsSample {
  ts: number;
  label: string;
}

/** How jsSamples labels a sample. */
export interface SampleLabels {
  /** The traced build's source maps. */
  sources: SourceMaps;
  /** An app function's label has its line (file:line name), not only its file. */
  appLine?: boolean;
  /** The innermost of the app's functions on the stack instead of the outermost. */
  innermost?: boolean;
  /** Samples whose label this matches are told apart by their leaf function and its caller. */
  leafDetail?: RegExp;
}

interface ProfileNode {
  frame: CallFrame;
  parent?: number;
}

interface ProfileChunk {
  cpuProfile?: { nodes?: Array<{ id: number; parent?: number; callFrame: CallFrame }>; samples?: number[] };
  timeDeltas?: number[];
}

/**
 * The main thread's JavaScript samples (from the trace's V8 CPU profiles), in time order, each
 * labelled by the outermost of the app's own functions (renderer/, shared/) on its stack, else by
 * the package, script or native function it was in.
 */
export function jsSamples(events: TraceEvent[], pid: number, tid: number, labels: SampleLabels): JsSample[] {
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  return profiles.flatMap((p) => profileSamples(events, p, labels)).sort((a, b) => a.ts - b.ts);
}

/** One CPU profile's samples: its chunks' nodes and samples, timed from the profile's start. */
function profileSamples(events: TraceEvent[], profile: TraceEvent, labels: SampleLabels): JsSample[] {
  const nodes = new Map<number, ProfileNode>();
  const known = new Map<number, string>();
  const labelOf = (id: number) => known.get(id) ?? known.set(id, stackLabel(nodes, id, labels)).get(id)!;
  const out: JsSample[] = [];
  let ts = Number((profile.args?.data as { startTime?: number } | undefined)?.startTime ?? 0);
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== profile.pid || e.id !== profile.id) continue;
    const data = e.args?.data as ProfileChunk;
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, { frame: n.callFrame, parent: n.parent });
    (data.cpuProfile?.samples ?? []).forEach((id, i) => {
      ts += data.timeDeltas?.[i] ?? 0;
      out.push({ ts, label: labelOf(id) });
    });
  }
  return out;
}

/** A sample's label from its stack (node id of its leaf), as jsSamples says. */
function stackLabel(nodes: Map<number, ProfileNode>, id: number, labels: SampleLabels): string {
  const leaf = nodes.get(id)!.frame;
  let label = leaf.url ? packageOf(labels.sources.frameOf(leaf).file) : leaf.functionName;
  for (let n: number | undefined = id; n !== undefined; n = nodes.get(n)?.parent) {
    const f = nodes.get(n)!.frame;
    if (!f.url || (f.lineNumber === 0 && f.columnNumber === 0)) continue; // a bundle's top level: all its modules' bodies at once
    const place = labels.sources.frameOf(f);
    if (!/^(renderer|shared)\//.test(place.file)) continue;
    label = `${labels.appLine ? `${place.file}:${place.line}` : place.file} ${f.functionName}`.trim();
    if (labels.innermost) break;
  }
  return labels.leafDetail?.test(label) ? `${label} ← ${callerChain(nodes, id, labels.sources)}` : label;
}

/** A sample's leaf function and its caller, each with its file:line. */
function callerChain(nodes: Map<number, ProfileNode>, id: number, sources: SourceMaps): string {
  const named = (f: CallFrame) => `${f.functionName} ${f.url ? sources.where(f.url, f.lineNumber + 1, f.columnNumber) : ''}`;
  const parent = nodes.get(nodes.get(id)!.parent ?? -1)?.frame;
  return `${named(nodes.get(id)!.frame)} ← ${parent ? named(parent) : ''}`;
}

/** JavaScript sample time (µs) by label within [from, to], idle time left out; each sample lasts until the next. */
export function jsTime(samples: JsSample[], from: number, to: number): Map<string, number> {
  const out = new Map<string, number>();
  const inWin = samples.filter((x) => x.ts >= from && x.ts < to);
  inWin.forEach((x, i) => {
    if (x.label === '(idle)' || x.label === '(program)') return;
    const dt = Math.min((inWin[i + 1]?.ts ?? x.ts + 200) - x.ts, 1000); // the sampling interval, capped
    out.set(x.label, (out.get(x.label) ?? 0) + dt);
  });
  return out;
}
