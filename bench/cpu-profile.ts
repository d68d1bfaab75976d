import { readFileSync } from 'node:fs';

/** The parts of a V8 .cpuprofile that the summary reads. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** wall time covered by the profile, ms */
  wallMs: number;
  /** time the main thread was not idle, ms */
  busyMs: number;
  /** self time by package or file, ms, largest first */
  byModule: [string, number][];
  /** self time by function, ms, largest first */
  byFunction: [string, number][];
  /** inclusive time of the app's own frames, by function, ms, largest first */
  appInclusive: [string, number][];
}

function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
  const nodeModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nodeModules) return nodeModules[1];
  const dist = /\/dist\/(.+)$/.exec(url);
  if (dist) return `app ${dist[1]}`;
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\//, '');
}

function shortFile(url: string): string {
  const nodeModules = /node_modules\/(.+)$/.exec(url);
  if (nodeModules) return nodeModules[1];
  const dist = /\/dist\/(.+)$/.exec(url);
  if (dist) return `dist/${dist[1]}`;
  return url;
}

function top(map: Map<string, number>, count: number): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
}

/** Self and inclusive time per module and function, from the sampled stacks of a CPU profile. */
export function summarizeCpuProfile(file: string, count = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const appInclusive = new Map<string, number>();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    busyUs += us;
    const module = moduleOf(url, functionName);
    byModule.set(module, (byModule.get(module) ?? 0) + us / 1000);
    const fn = url ? `${functionName || '(anonymous)'} ${shortFile(url)}:${lineNumber + 1}` : module;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us / 1000);
    // charge the sample once to each distinct app function on its stack
    const seen = new Set<string>();
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
      const frame = byId.get(cursor)?.callFrame;
      if (!frame || !frame.url.includes('/dist/') || frame.url.includes('node_modules')) continue;
      const key = `${frame.functionName || '(anonymous)'} ${shortFile(frame.url)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      appInclusive.set(key, (appInclusive.get(key) ?? 0) + us / 1000);
    }
  }
  return {
    wallMs: (profile.endTime - profile.startTime) / 1000,
    busyMs: busyUs / 1000,
    byModule: top(byModule, count),
    byFunction: top(byFunction, count),
    appInclusive: top(appInclusive, count),
  };
}
