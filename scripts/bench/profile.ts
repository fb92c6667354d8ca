import { Session } from "node:inspector";

/** A V8 CPU profile as the inspector returns it (the fields read here). */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; hitCount?: number; children?: number[] }[];
  startTime: number;
  endTime: number;
}

/** A category of work: frames of a file (and, optionally, a function) whose samples it is charged with. */
export interface Category {
  name: string;
  file: RegExp;
  fn?: RegExp;
}

/** Seconds spent per category over the profiled call, largest first; "other" takes what no category claims. */
export type Breakdown = { category: string; seconds: number; share: number }[];

/**
 * Where the time of `work` goes: it runs under the V8 sampling profiler, and each sample is charged
 * to the innermost frame on its stack that a category claims (a stage's helpers count for the stage
 * that called them; the database driver counts for itself wherever it is called from).
 */
export function profile<T>(categories: Category[], work: () => T): { result: T; breakdown: Breakdown } {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) => {
    let answer: unknown;
    session.post(method, params ?? {}, (err, value) => {
      if (err) throw err;
      answer = value;
    });
    return answer as { profile?: CpuProfile };
  };
  post("Profiler.enable");
  post("Profiler.setSamplingInterval", { interval: 500 });
  post("Profiler.start");
  let cpu: CpuProfile;
  let result: T;
  try {
    result = work();
  } finally {
    cpu = post("Profiler.stop").profile as CpuProfile;
    session.disconnect();
  }
  return { result, breakdown: breakdown(cpu, categories) };
}

export function breakdown(cpu: CpuProfile, categories: Category[]): Breakdown {
  const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
  const charged = new Map<string, number>();
  let samples = 0;
  const visit = (id: number, inherited: string) => {
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url } = node.callFrame;
    const own =
      functionName === "(garbage collector)"
        ? "garbage collection"
        : (categories.find((c) => c.file.test(url) && (!c.fn || c.fn.test(functionName)))?.name ?? inherited);
    const hits = functionName === "(idle)" ? 0 : (node.hitCount ?? 0);
    samples += hits;
    charged.set(own, (charged.get(own) ?? 0) + hits);
    for (const child of node.children ?? []) visit(child, own);
  };
  visit(cpu.nodes[0]?.id ?? 1, "other");
  const seconds = (cpu.endTime - cpu.startTime) / 1e6;
  return [...charged.entries()]
    .filter(([, hits]) => hits > 0)
    .map(([category, hits]) => ({ category, seconds: (seconds * hits) / Math.max(1, samples), share: hits / Math.max(1, samples) }))
    .sort((a, b) => b.seconds - a.seconds);
}
