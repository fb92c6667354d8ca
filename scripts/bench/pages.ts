import { mkdirSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { type Lang, prng, type Random, stanceTable } from "./corpus";
import type { Server } from "./server";

/**
 * What a reader's request costs at scale: every page of the dashboard requested again and again from `next start`
 * on the benchmark's database, against a static file served by the same server in the same run.
 */

/** Topics outside the codebook's four issues, as coverage labels them: /other-issues lists them, a page at a time. */
const TOPICS: Record<Lang, string[]> = {
  en: [
    "Trade and tariffs",
    "Visas",
    "Security and armed groups",
    "Arms and military cooperation",
    "Coffee exports",
    "Remittances",
    "Gold mining",
    "Cybersecurity",
    "Port inspections",
    "Air travel",
    "Student exchanges",
    "Pandemic preparedness",
    "Cattle ranching",
    "Flower exports",
    "Tourism",
    "Space cooperation",
    "Telecommunications",
    "Water rights",
    "Labour rights",
    "Indigenous lands",
  ],
  es: [
    "Comercio y aranceles",
    "Visados",
    "Grupos armados",
    "Cooperación militar",
    "Exportaciones de café",
    "Remesas",
    "Minería de oro",
    "Ciberseguridad",
    "Inspecciones portuarias",
    "Transporte aéreo",
    "Intercambios estudiantiles",
    "Preparación ante pandemias",
    "Ganadería",
    "Exportaciones de flores",
    "Turismo",
    "Cooperación espacial",
    "Telecomunicaciones",
    "Derechos de agua",
    "Derechos laborales",
    "Tierras indígenas",
  ],
};

const POSITIONS: Record<Lang, Record<"us" | "co", ((topic: string) => string)[]>> = {
  en: {
    us: [
      (t) => `Review ${t} before the next summit`,
      (t) => `Tie ${t} to progress on security commitments`,
      (t) => `Keep ${t} under the current bilateral terms`,
    ],
    co: [
      (t) => `Open a new bilateral dialogue on ${t}`,
      (t) => `Protect Colombian producers in any change to ${t}`,
      (t) => `Keep ${t} separate from the certification process`,
    ],
  },
  es: {
    us: [(t) => `Revisar ${t} antes de la próxima cumbre`, (t) => `Atar ${t} a los compromisos de seguridad`, (t) => `Mantener ${t} en los términos actuales`],
    co: [(t) => `Abrir un diálogo bilateral sobre ${t}`, (t) => `Proteger a los productores en cualquier cambio de ${t}`, (t) => `Separar ${t} de la certificación`],
  },
};

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Fisher–Yates: the items in an order drawn from `random`. */
function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A briefing with a stance table on topics outside the four issues: each row's label is stored as an "other" issue. */
function topicBriefing(seed: number, index: number): string {
  const random = prng(seed * 7_919 + index);
  const lang: Lang = random() < 0.3 ? "es" : "en";
  const header = lang === "en" ? "| Topic | U.S. position | Colombia's position |" : "| Tema | Posición de EE. UU. | Posición de Colombia |";
  // Each topic once per table, so no two rows of a document say the same thing.
  const topics = shuffled(random, TOPICS[lang]).slice(0, 3 + Math.floor(random() * 4));
  const rows = topics.map((topic) => {
    const words = topic.toLowerCase();
    return `| ${topic} | ${pick(random, POSITIONS[lang].us)(words)} | ${pick(random, POSITIONS[lang].co)(words)} |`;
  });
  const title = lang === "en" ? `Beyond the four issues: briefing ${index + 1}` : `Más allá de los cuatro temas: informe ${index + 1}`;
  const published = `${2023 + Math.floor(random() * 4)}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
  return `---\ntitle: "${title}"\npublished: ${published}\nlang: ${lang}\n---\n\n# ${title}\n\n${header}\n|---|---|---|\n${rows.join("\n")}\n`;
}

export const LONG_TABLE = "long-table";

/**
 * The documents the page benchmark adds to the corpus: briefings on other topics (so /other-issues has pages of
 * them) and one document whose stance table has `rows` rows (the source view of a long document).
 */
export function writePageDocuments(folder: string, seed: number, briefings: number, rows: number): void {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < briefings; i++) writeFileSync(join(folder, `topic-${String(i).padStart(4, "0")}.md`), topicBriefing(seed, i));
  const table = stanceTable(prng(seed), "en", rows);
  writeFileSync(join(folder, `${LONG_TABLE}.md`), `---\ntitle: "Every position, row by row"\npublished: 2026-01-15\nlang: en\n---\n\n# Every position, row by row\n\n${table}\n`);
}

export interface PageTiming {
  /** Milliseconds to the last byte: the first request, then the median and the 99th percentile of the repeats. */
  firstMs: number;
  p50Ms: number;
  p99Ms: number;
  /** The body's size in bytes (uncompressed). */
  bytes: number;
  status: number;
}

function request(server: Server, path: string): Promise<{ ms: number; bytes: number; status: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    get(`${server.url}${path}`, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on("end", () => resolve({ ms: performance.now() - started, bytes, status: response.statusCode ?? 0 }));
    }).on("error", reject);
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};

/** Requests `path` once, then `repeats` more times one after another: what a reader waits for, first and then typically. */
export async function timePage(server: Server, path: string, repeats: number): Promise<PageTiming> {
  const first = await request(server, path);
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) times.push((await request(server, path)).ms);
  return { firstMs: first.ms, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), bytes: first.bytes, status: first.status };
}
