import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A generated news corpus for the benchmark: no downloaded data, the same bytes for the same seed.
 * Documents mix what the pipeline reads: English and Spanish prose with attributions (quotes,
 * reported speech, "según la Cancillería", pronouns), stance tables, issue sections and stance
 * lists, and web pages with navigation around the article.
 */

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; the corpus depends only on the seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export type Lang = "en" | "es";
type Side = "us" | "co";
type Issue = "drug-policy" | "energy" | "venezuela" | "migration";

const ISSUES: Issue[] = ["drug-policy", "energy", "venezuela", "migration"];

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** Who speaks for each government, as a subject, by language. */
const SPEAKERS: Record<Lang, Record<Side, string[]>> = {
  en: {
    us: [
      "Secretary of State Marco Rubio",
      "President Donald Trump",
      "A State Department spokesperson",
      "Homeland Security Secretary Kristi Noem",
      "The White House",
      "U.S. officials",
      "Treasury Secretary Scott Bessent",
      "Deputy Secretary of State Christopher Landau",
    ],
    co: [
      "President Gustavo Petro",
      "Colombia's Foreign Ministry",
      "Foreign Minister Rosa Villavicencio",
      "Colombian officials",
      "Interior Minister Armando Benedetti",
      "The Colombian government",
      "Energy Minister Edwin Palma",
    ],
  },
  es: {
    us: [
      "El secretario de Estado, Marco Rubio,",
      "El presidente Donald Trump",
      "El Departamento de Estado",
      "La Casa Blanca",
      "La secretaria de Seguridad Nacional, Kristi Noem,",
    ],
    co: [
      "El presidente Gustavo Petro",
      "La Cancillería",
      "La canciller Rosa Villavicencio",
      "El Gobierno colombiano",
      "El ministro del Interior, Armando Benedetti,",
    ],
  },
};

/** Positions as clauses ("… that <clause>"), per language, issue and government: each names its issue and a cue of one pole. */
const CLAUSES: Record<Lang, Record<Issue, Record<Side, string[]>>> = {
  en: {
    "drug-policy": {
      us: [
        "forced eradication of coca crops must resume before the end of the year",
        "Colombia has to extradite more cartel leaders to face trial in U.S. courts",
        "interdiction at sea will continue against every drug boat leaving the coast",
        "aerial fumigation with glyphosate is the fastest way to cut cocaine supply",
        "seizures of cocaine bound for the United States must double",
      ],
      co: [
        "crop substitution and rural reform are the only lasting answer to coca",
        "drug policy should be guided by public health rather than by military force",
        "voluntary substitution programmes will reach every coca-growing municipality",
        "the war on drugs has failed and Colombia will not return to fumigation",
        "alternative development for coca growers works better than forced eradication",
      ],
    },
    energy: {
      us: [
        "oil and gas exploration should expand to secure supply for the region",
        "energy security depends on new drilling and on natural gas production",
        "Colombia should keep signing oil exploration contracts",
        "American LNG exports can guarantee Colombia's gas supply",
      ],
      co: [
        "the energy transition cannot wait and no new oil contracts will be signed",
        "clean energy and solar power must replace coal within two decades",
        "climate finance should reward countries that phase out fossil fuels",
        "renewable energy projects in La Guajira will receive public investment",
      ],
    },
    venezuela: {
      us: [
        "sanctions on Caracas will remain until Maduro accepts free and fair elections",
        "maximum pressure on the Maduro regime is working",
        "the naval deployment in the Caribbean will stay until Venezuela changes course",
        "no sanctions relief for Venezuela is possible without democratic guarantees",
      ],
      co: [
        "a negotiated solution in Venezuela requires dialogue, not military action",
        "Colombia will keep diplomatic relations with Caracas open",
        "sanctions relief for Venezuela would ease the pressure on the border",
        "any military intervention in Venezuela is unacceptable to Bogotá",
      ],
    },
    migration: {
      us: [
        "deportation flights to Colombia will continue every week",
        "mass deportation of undocumented migrants is the law of the land",
        "border security and the removal of migrants come before any new visa",
        "Colombia must accept every removal flight without delay",
      ],
      co: [
        "deported migrants must come home on civilian planes and with dignity",
        "Venezuelan migrants in Colombia deserve temporary protection",
        "legal pathways for migration reduce the crossings through the Darién",
        "the regularization of migrants is a humanitarian duty",
      ],
    },
  },
  es: {
    "drug-policy": {
      us: [
        "la erradicación forzosa de la coca debe reanudarse este año",
        "Colombia debe extraditar a más jefes de los carteles",
        "la interdicción en el mar seguirá contra cada lancha del narcotráfico",
        "la fumigación con glifosato es la vía más rápida contra la cocaína",
      ],
      co: [
        "la sustitución voluntaria de cultivos ilícitos es la única salida duradera",
        "la política de drogas debe guiarse por la salud pública y no por la fuerza",
        "la guerra contra las drogas fracasó y no volverá la fumigación",
        "la reforma rural llegará a cada municipio cocalero",
      ],
    },
    energy: {
      us: [
        "la exploración de petróleo y gas natural debe continuar",
        "la seguridad energética depende de nuevos contratos de hidrocarburos",
        "el gas natural estadounidense puede garantizar el suministro de Colombia",
      ],
      co: [
        "la transición energética no puede esperar y no habrá nuevos contratos de petróleo",
        "las energías renovables reemplazarán al carbón en dos décadas",
        "la financiación climática debe premiar a quienes dejan los combustibles fósiles",
      ],
    },
    venezuela: {
      us: [
        "las sanciones contra Caracas seguirán hasta que Maduro acepte elecciones libres",
        "la presión máxima sobre el régimen de Maduro está funcionando",
        "el despliegue naval en el Caribe seguirá frente a Venezuela",
      ],
      co: [
        "la salida en Venezuela tiene que ser política y negociada",
        "Colombia mantendrá abiertas las relaciones diplomáticas con Caracas",
        "cualquier intervención militar en Venezuela es inaceptable",
      ],
    },
    migration: {
      us: [
        "los vuelos de deportación a Colombia continuarán cada semana",
        "la deportación de los migrantes indocumentados es la ley",
        "la seguridad de la frontera y la expulsión de migrantes van primero",
      ],
      co: [
        "los migrantes deportados deben volver en aviones civiles y con dignidad",
        "los migrantes venezolanos merecen protección temporal",
        "la regularización de los migrantes es un deber humanitario",
      ],
    },
  },
};

const WHEN: Record<Lang, string[]> = {
  en: ["on Monday", "on Tuesday", "late on Wednesday", "on Thursday", "this week", "in a statement", "at a news conference in Bogotá", "in Washington"],
  es: ["este lunes", "el martes", "este miércoles", "en un comunicado", "en rueda de prensa", "desde Washington", "en Bogotá"],
};

/** Sentences that hold no government position: third parties, figures, background. */
const FILLER: Record<Lang, ((random: Random) => string)[]> = {
  en: [
    (r) => `Remittances to Colombia reached a record of nearly $${int(r, 8, 14)} billion in ${int(r, 2019, 2025)}, according to the central bank.`,
    (r) => `Analysts in ${pick(r, ["Bogotá", "Medellín", "Washington", "Miami"])} said the dispute could drag on for ${int(r, 2, 11)} months.`,
    (r) => `About ${int(r, 10, 30)},${int(r, 100, 999)} Colombians were returned on roughly ${int(r, 60, 180)} flights last year.`,
    (r) => `Representative Dale Whitcomb, a Texas Republican, said the talks were "a waste of ${int(r, 2, 9)} weeks."`,
    (r) => `In ${pick(r, ["Cúcuta", "Cali", "Tumaco", "Riohacha"])}, farmers said prices had fallen by ${int(r, 10, 60)}% since ${pick(r, ["January", "March", "June", "October"])}.`,
    (r) => `The meeting lasted about ${int(r, 40, 180)} minutes and ended without a joint statement.`,
    (r) => `Opposition senator Juan Camilo Rendón said the president was "gambling with ${int(r, 2, 6)} million families."`,
  ],
  es: [
    (r) => `Las remesas a Colombia alcanzaron cerca de ${int(r, 8, 14)}000 millones de dólares en ${int(r, 2019, 2025)}, según el Banco de la República.`,
    (r) => `Analistas en ${pick(r, ["Bogotá", "Medellín", "Barranquilla"])} dijeron que la disputa podría durar ${int(r, 2, 11)} meses.`,
    (r) => `La reunión duró cerca de ${int(r, 40, 180)} minutos y terminó sin una declaración conjunta.`,
    (r) => `El senador de la oposición Miguel Ángel Pardo dijo que el Gobierno "improvisa" desde hace ${int(r, 2, 9)} semanas.`,
    (r) => `En ${pick(r, ["Cúcuta", "Cali", "Tumaco", "Riohacha"])}, los campesinos dijeron que los precios cayeron un ${int(r, 10, 60)} %.`,
  ],
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One sentence in which a government takes a position, in one of the attribution patterns the prose stage reads. */
function attributed(random: Random, lang: Lang, side: Side, issue: Issue, detail: string): string {
  const speaker = pick(random, SPEAKERS[lang][side]);
  const clause = `${pick(random, CLAUSES[lang][issue][side])}${detail}`;
  const when = pick(random, WHEN[lang]);
  const bare = speaker.replace(/,$/, "");
  if (lang === "en") {
    switch (int(random, 0, 4)) {
      case 0:
        return `“${capitalise(clause)},” ${bare.charAt(0).toLowerCase() === bare.charAt(0) ? bare : bare.replace(/^The /, "the ").replace(/^A /, "a ")} said ${when}.`;
      case 1:
        return `${bare} said ${when} that ${clause}.`;
      case 2:
        return `According to ${bare.replace(/^The /, "the ").replace(/^A /, "a ")}, ${clause}.`;
      case 3:
        return `${bare} insisted ${when} that ${clause}.`;
      default:
        return `${bare} argued that ${clause}, and ${side === "us" ? "officials" : "aides"} said the point was not open to negotiation.`;
    }
  }
  switch (int(random, 0, 4)) {
    case 0:
      return `«${capitalise(clause)}», dijo ${speaker.replace(/^El /, "el ").replace(/^La /, "la ").replace(/,$/, "")} ${when}.`;
    case 1:
      return `${speaker} afirmó ${when} que ${clause}.`;
    case 2:
      return `Según ${speaker.replace(/^El /, "el ").replace(/^La /, "la ").replace(/,$/, "")}, ${clause}.`;
    case 3:
      return `${speaker} sostuvo que ${clause}.`;
    default:
      return `${speaker} aseguró ${when} que ${clause}.`;
  }
}

/** A follow-up sentence whose speaker is a pronoun or a description: the discourse resolves it. */
function followUp(random: Random, lang: Lang, side: Side, issue: Issue): string {
  const clause = pick(random, CLAUSES[lang][issue][side]);
  if (lang === "en") return `${pick(random, ["He", "She", "The official"])} added that ${clause}.`;
  return `${pick(random, ["Agregó que", "Añadió que", "El mandatario sostuvo además que"])} ${clause}.`;
}

/** A number or place that makes each stance's words, and so its key, its own. */
function detail(random: Random, lang: Lang): string {
  if (random() < 0.5) return "";
  return lang === "en"
    ? pick(random, [`, by ${int(random, 2026, 2031)}`, ` in ${int(random, 3, 40)} departments`, `, with ${int(random, 2, 90)} new measures`])
    : pick(random, [`, antes de ${int(random, 2026, 2031)}`, ` en ${int(random, 3, 32)} departamentos`, `, con ${int(random, 2, 90)} medidas nuevas`]);
}

/** A news-like paragraph: one to three sentences with positions, padded with background. */
function paragraph(random: Random, lang: Lang): string {
  const sentences: string[] = [];
  const issue = pick(random, ISSUES);
  const side: Side = random() < 0.5 ? "us" : "co";
  if (random() < 0.35) sentences.push(pick(random, FILLER[lang])(random));
  sentences.push(attributed(random, lang, side, issue, detail(random, lang)));
  if (random() < 0.4) sentences.push(followUp(random, lang, side, issue));
  if (random() < 0.5) sentences.push(attributed(random, lang, side === "us" ? "co" : "us", random() < 0.7 ? issue : pick(random, ISSUES), detail(random, lang)));
  if (random() < 0.3) sentences.push(pick(random, FILLER[lang])(random));
  return sentences.join(" ");
}

const HEADLINES: Record<Lang, string[]> = {
  en: [
    "Washington and Bogotá trade barbs over coca and deportations",
    "Petro rejects U.S. pressure as talks on Venezuela stall",
    "U.S. and Colombia split on oil, migrants and the Caribbean strikes",
    "Colombia's energy plan tests ties with the Trump administration",
  ],
  es: [
    "Petro y Washington chocan por la coca y las deportaciones",
    "Colombia rechaza la presión de Estados Unidos sobre Venezuela",
    "La transición energética tensiona la relación con Washington",
    "Nuevos vuelos de deportación reabren la disputa con Bogotá",
  ],
};
const OUTLETS = ["Andean Wire", "Caribbean Ledger", "El Observador Andino", "Hemisphere Daily", "Radio Cordillera"];

function isoDate(random: Random): string {
  return `${int(random, 2023, 2026)}-${String(int(random, 1, 12)).padStart(2, "0")}-${String(int(random, 1, 28)).padStart(2, "0")}`;
}

const TABLE_HEADERS: Record<Lang, string[][]> = {
  en: [
    ["Issue", "U.S. position", "Colombia's position"],
    ["Topic", "Washington wants", "Bogotá wants"],
    ["Date", "Issue", "U.S. Priority", "Petro’s Stance"],
  ],
  es: [
    ["Tema", "Posición de EE. UU.", "Posición de Colombia"],
    ["Asunto", "Washington", "Bogotá"],
  ],
};
const ISSUE_LABELS: Record<Lang, Record<Issue, string[]>> = {
  en: {
    "drug-policy": ["Drug policy", "Counternarcotics", "Coca crops"],
    energy: ["Energy", "Energy transition", "Oil and gas"],
    venezuela: ["Venezuela", "Caracas ties"],
    migration: ["Migration", "Deportations", "Border flows"],
  },
  es: {
    "drug-policy": ["Narcotráfico", "Política de drogas"],
    energy: ["Energía", "Transición energética"],
    venezuela: ["Venezuela", "Relaciones con Caracas"],
    migration: ["Migración", "Deportaciones"],
  },
};

/** A stance table of `rows` rows: one issue per row, a cell per government. */
export function stanceTable(random: Random, lang: Lang, rows: number): string {
  const header = pick(random, TABLE_HEADERS[lang]);
  const dated = header[0] === "Date";
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  for (let i = 0; i < rows; i++) {
    const issue = pick(random, ISSUES);
    const cell = (side: Side) => capitalise(`${pick(random, CLAUSES[lang][issue][side])}${detail(random, lang)}`);
    const cells = [pick(random, ISSUE_LABELS[lang][issue]), cell("us"), cell("co")];
    lines.push(`| ${(dated ? [isoDate(random), ...cells] : cells).join(" | ")} |`);
  }
  return lines.join("\n");
}

/** An issue section with labelled bullets, or a list of "Issue: A wants …, while B …" bullets. */
function stanceList(random: Random, lang: Lang, items: number): string {
  if (random() < 0.5) {
    const issue = pick(random, ISSUES);
    const labels = lang === "en" ? { us: "United States", co: "Colombia" } : { us: "Estados Unidos", co: "Colombia" };
    const bullets = Array.from({ length: items }, (_, i) => {
      const side: Side = i % 2 === 0 ? "us" : "co";
      return `- **${labels[side]}:** ${capitalise(pick(random, CLAUSES[lang][issue][side]))}${detail(random, lang)}.`;
    });
    return `## ${pick(random, ISSUE_LABELS[lang][issue])}\n\n${bullets.join("\n")}`;
  }
  const subject = lang === "en" ? { us: "Washington wants", co: "Bogotá argues that" } : { us: "Washington pide que", co: "Bogotá sostiene que" };
  const joiner = lang === "en" ? "while" : "mientras";
  return Array.from({ length: items }, () => {
    const issue = pick(random, ISSUES);
    return `- ${pick(random, ISSUE_LABELS[lang][issue])}: ${subject.us} ${pick(random, CLAUSES[lang][issue].us)}, ${joiner} ${subject.co} ${pick(random, CLAUSES[lang][issue].co)}${detail(random, lang)}`;
  }).join("\n");
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A news web page: navigation, a cookie banner and related links around the article (paragraphs and, sometimes, a table). */
function webPage(random: Random, lang: Lang, title: string, published: string, paragraphs: string[], table: string | null): string {
  const rows = table
    ? table
        .split("\n")
        .filter((line) => !/^\|-/.test(line))
        .map((line, i) => {
          const cells = line.split("|").slice(1, -1).map((c) => escapeHtml(c.trim()));
          const tag = i === 0 ? "th" : "td";
          return `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join("")}</tr>`;
        })
    : [];
  const tableHtml = rows.length ? `<table><thead>${rows[0]}</thead><tbody>${rows.slice(1).join("")}</tbody></table>` : "";
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} | ${pick(random, OUTLETS)}</title>
<meta property="og:title" content="${escapeHtml(title)}">
<meta property="og:site_name" content="${pick(random, OUTLETS)}">
<meta property="article:published_time" content="${published}T${String(int(random, 6, 22)).padStart(2, "0")}:00:00Z">
<link rel="canonical" href="https://news.example.org/${published}/${int(random, 1000, 9999)}">
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/americas">Americas</a> <a href="/business">Business</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<main>
<article>
<h1>${escapeHtml(title)}</h1>
<p class="byline">By ${pick(random, ["Ana Ruiz", "Mark Ellis", "Lucía Gómez", "Daniel Park"])}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${tableHtml}
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Coffee exports rise</a></li><li><a href="/b">Election calendar</a></li></ul></aside>
</main>
<footer><p>© ${published.slice(0, 4)} News Example. All rights reserved.</p></footer>
</body>
</html>
`;
}

export interface CorpusDocument {
  /** File name: its extension picks the reader. */
  name: string;
  content: string;
}

/** One document of the corpus: its kind is drawn with fixed shares (prose 55%, table 15%, lists 15%, web page 10%, mixed 5%). */
export function corpusDocument(seed: number, index: number): CorpusDocument {
  const random = prng(seed * 1_000_003 + index);
  const lang: Lang = random() < 0.35 ? "es" : "en";
  const title = `${pick(random, HEADLINES[lang])} (${index + 1})`;
  const published = isoDate(random);
  const outlet = pick(random, OUTLETS);
  const id = String(index).padStart(5, "0");
  const paragraphs = (n: number) => Array.from({ length: n }, () => paragraph(random, lang));
  const frontMatter = `---\ntitle: "${title}"\noutlet: ${outlet}\npublished: ${published}\nlang: ${lang}\n---\n\n`;
  const roll = random();
  if (roll < 0.55) {
    const body = paragraphs(int(random, 3, 8));
    if (random() < 0.5) return { name: `prose-${id}.md`, content: `${frontMatter}# ${title}\n\n${body.join("\n\n")}\n` };
    const dateline = lang === "en" ? `BOGOTA, ${published} (${outlet}) - ` : `BOGOTÁ, ${published} (${outlet}). `;
    return { name: `prose-${id}.txt`, content: `${title}\n${dateline}${body.join("\n")}\n` };
  }
  if (roll < 0.7) {
    const intro = paragraphs(int(random, 1, 2));
    return { name: `table-${id}.md`, content: `${frontMatter}# ${title}\n\n${intro.join("\n\n")}\n\n${stanceTable(random, lang, int(random, 3, 8))}\n` };
  }
  if (roll < 0.85) {
    const intro = paragraphs(1);
    return { name: `list-${id}.md`, content: `${frontMatter}# ${title}\n\n${intro.join("\n\n")}\n\n${stanceList(random, lang, int(random, 3, 7))}\n` };
  }
  if (roll < 0.95) {
    const table = random() < 0.3 ? stanceTable(random, lang, int(random, 2, 5)) : null;
    return { name: `web-${id}.html`, content: webPage(random, lang, title, published, paragraphs(int(random, 3, 7)), table) };
  }
  const body = [...paragraphs(2), stanceTable(random, lang, int(random, 2, 4)), ...paragraphs(2), stanceList(random, lang, int(random, 2, 4)), ...paragraphs(1)];
  return { name: `mixed-${id}.md`, content: `${frontMatter}# ${title}\n\n${body.join("\n\n")}\n` };
}

/** Writes `count` documents into `folder`; returns their total size in bytes. */
export function writeCorpus(folder: string, count: number, seed: number): number {
  mkdirSync(folder, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const doc = corpusDocument(seed, i);
    writeFileSync(join(folder, doc.name), doc.content);
    bytes += Buffer.byteLength(doc.content);
  }
  return bytes;
}

/**
 * One long document of at most `bytes` bytes: the corpus's documents (web pages left out) one after
 * another under their own headings, so it holds thousands of tables, lists and prose paragraphs.
 */
export function longDocument(seed: number, bytes: number): string {
  const parts: string[] = ["# A long briefing book\n"];
  let size = parts[0]?.length ?? 0;
  for (let i = 0; ; i++) {
    const doc = corpusDocument(seed, i);
    if (doc.name.endsWith(".html")) continue;
    const body = doc.content.replace(/^---\n[\s\S]*?\n---\n\n/, "").replace(/^# /m, "## ");
    const added = Buffer.byteLength(body) + 1;
    if (size + added > bytes) break;
    parts.push(body);
    size += added;
  }
  return parts.join("\n");
}
