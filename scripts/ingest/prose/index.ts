import type { ActorId, Codebook } from "../codebook";
import type { Language } from "../language";
import type { ParsedBlock, SourceSpan } from "../parse";
import { SpanIndex, subSpan, trimClause } from "../span";
import type { ExtractedStance, IngestNote } from "../stance";
import { authorVoice, inFirstPerson } from "./author";
import { Discourse } from "./discourse";
import { type Frame, type FrameContext, findFrames, type ProseRule, type Range } from "./frames";
import { type Holder, holderMarkers, markersIn, NameRegistry, readChunk, TITLE_WORDS } from "./holders";
import { ADVERBIAL_OPENERS, CLAUSE_WORDS, PERSONAL_PRONOUNS, ROLE_NOUNS } from "./lexicon";
import { scoreStance } from "../score";
import { splitByContrast } from "./contrast";
import { dominantIssue, type IssueHit, issueHits, splitByIssue } from "./issues";
import { type Passage, toPassage } from "./passage";
import { findQuotes, type QuoteRange, splitSentences } from "./sentences";
import { isCreditLine, isDashQuestion, speakerLabel } from "./transcript";
import { findVerbs } from "./verbs-match";

/** How sure each rule is before adjustments (README § Prose evidence: confidence). */
export const RULE_CONFIDENCE: Record<ProseRule, number> = {
  "prose:quote-speaker-after": 0.9,
  "prose:quote-speaker-before": 0.9,
  "prose:speaker-label": 0.85,
  "prose:statement": 0.85,
  "prose:author": 0.8,
  "prose:reported-speech": 0.85,
  "prose:reported-speaker-after": 0.85,
  "prose:stance-verb": 0.85,
  "prose:according-to": 0.8,
  "prose:nominal": 0.75,
  "prose:event": 0.7,
  "prose:action": 0.8,
  "prose:quote-continued": 0.7,
};

/** The confidence rule: the rule's base, less what had to be inferred. */
export function proseConfidence(rule: ProseRule, inferred: { holderFromContext: boolean; issueFromContext: boolean; twoIssues: boolean }): number {
  let confidence = RULE_CONFIDENCE[rule];
  if (inferred.holderFromContext) confidence -= 0.1;
  if (inferred.issueFromContext) confidence -= 0.15;
  if (inferred.twoIssues) confidence -= 0.1;
  return Math.round(Math.min(0.95, Math.max(0.3, confidence)) * 100) / 100;
}

export interface ProseExtraction {
  stances: ExtractedStance[];
  notes: IngestNote[];
}

/** Who speaks for a government where no one is said to: an official statement's issuer, a signed text's official author. */
interface Voices {
  statement: Holder | null;
  author: Holder | null;
}

interface Candidate {
  frame: Frame;
  holder: Holder;
  parts: { range: Range; hit: IssueHit; fromContext: boolean; twoIssues: boolean }[];
}

/**
 * Stances in a document's prose: every paragraph (and list item no earlier stage read) is split
 * into sentences, each sentence's attribution frames are found (quotes, reported speech, stance
 * verbs, actions), their holders resolved (pronouns and descriptions to the person named before),
 * and the words each frame attributes are put on an issue. Only the two governments' frames that
 * name an issue become stances; spans that tables, lists or sections already claimed are skipped.
 */
export function extractProse(
  blocks: ParsedBlock[],
  book: Codebook,
  lang: Language,
  claimed: SourceSpan[],
  { claimedByActor = { us: [], co: [] }, author: metadataAuthor = null }: { claimedByActor?: Record<"us" | "co", SourceSpan[]>; author?: string | null } = {},
): ProseExtraction {
  const out: ProseExtraction = { stances: [], notes: [] };
  const markers = holderMarkers(book);
  const registry = new NameRegistry(homeActor(blocks, markers, lang));
  const ctx: FrameContext = { markers, registry, lang };
  const author = authorVoice(metadataAuthor, blocks, ctx);
  // Each paragraph is read as a passage once: for the document's topic, then sentence by sentence.
  const passages = new Map<ParsedBlock, Passage>();
  for (const block of blocks) if (block.type === "paragraph" || block.type === "listItem") passages.set(block, toPassage(block.span.text));
  const discourse = new Discourse(registry.home, documentTopic([...passages.values()], book));
  const taken = new SpanIndex(claimed);
  /** Words an earlier stage read as one government's stance: not that government's again, but the other's may be there. */
  const takenBy = { us: new SpanIndex(claimedByActor.us), co: new SpanIndex(claimedByActor.co) };
  /** Prose stances kept so far, per actor and issue: a second reading of the same words is not a second stance. */
  const found = new Map<string, SpanIndex>();
  let statement: { holder: Holder; depth: number } | null = null;
  const keep = (stances: ExtractedStance[]) => {
    for (const stance of stances) {
      if (taken.overlaps(stance.span) || takenBy[stance.actor].overlaps(stance.span)) continue;
      const key = `${stance.actor}\u241F${stance.issue.slug}`;
      const same = found.get(key) ?? new SpanIndex();
      if (same.overlaps(stance.span)) continue;
      same.add(stance.span);
      found.set(key, same);
      out.stances.push(stance);
    }
  };
  /** The paragraph before was an interviewer's question in dialogue dashes ("—¿Y Venezuela?"): a dashed paragraph answers it. */
  let afterDashQuestion = false;
  /** A title that names an official text but not its issuer ("COMUNICADO DE PRENSA"): the line under it may name the issuer. */
  let untitledIssuer: { depth: number; lineEnd: number } | null = null;
  for (const block of blocks) {
    const issuerLine = untitledIssuer && block.type === "paragraph" && block.span.lineStart === untitledIssuer.lineEnd + 1 ? issuerOf(block.span.text, ctx) : null;
    if (issuerLine && untitledIssuer) {
      statement = { holder: issuerLine, depth: untitledIssuer.depth };
      untitledIssuer = null;
      continue;
    }
    untitledIssuer = null;
    const heading = block.type === "heading" ? { depth: block.depth, span: block.span } : headingLine(block);
    if (heading) {
      discourse.resetTopic();
      if (statement && heading.depth <= statement.depth) statement = null;
      const speaker = statementSpeaker(heading.span.text, ctx);
      if (!speaker && STATEMENT_WORDS.test(heading.span.text)) untitledIssuer = { depth: heading.depth, lineEnd: heading.span.lineEnd };
      if (speaker) statement = { holder: speaker, depth: heading.depth };
      // "# Colombia extradita a un jefe del Clan del Golfo y Washington pide «más que gestos»": a headline can state positions.
      else if (block.type === "heading") keep(readParagraph(block.span, toPassage(block.span.text), book, lang, ctx, discourse, { statement: null, author: null }));
      continue;
    }
    const passage = passages.get(block);
    if (!passage || (block.type !== "paragraph" && block.type !== "listItem")) continue;
    // Read once: let it go, so a long document's passages are not all held to its end.
    passages.delete(block);
    keep(readParagraph(block.span, passage, book, lang, ctx, discourse, { statement: statement?.holder ?? null, author }, afterDashQuestion));
    afterDashQuestion = isDashQuestion(passage.plain);
  }
  return out;
}

/**
 * A dateline: a place in capitals ("BOGOTA, Colombia", "WASHINGTON") or any place followed by a news agency in
 * parentheses ("Bogotá, 21 nov (EFE)"), then a dash.
 */
const DATELINE =
  /^\s*(?:\p{Lu}[\p{Lu}\p{M}.'’-]+(?:\s+\p{Lu}[\p{Lu}\p{M}.'’-]+)*(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*)?\s*(?:\([\p{L} .]{2,30}\))?|\p{Lu}[\p{L}.]+(?:[ ,]+[\p{L}\d.]+){0,4}\s*\((?:AP|AFP|EFE|Reuters|Bloomberg|Xinhua|Europa Press|ANSA|DPA|Colprensa)\))\s*\.?\s*[—–-]+\s*/u;

const STATEMENT_WORDS = /(?<!\p{L})(?:statement|communiqu[eé]|press release|declaration|readout|remarks|comunicado|declaraci[oó]n|pronunciamiento)(?!\p{L})/iu;

/**
 * "## Statement by the Department of State", "Comunicado de la Cancillería": a heading that names
 * an official text and its issuer. Everything under it, to the next heading of its level, is that
 * government speaking in its own name.
 */
function statementSpeaker(heading: string, ctx: FrameContext): Holder | null {
  return STATEMENT_WORDS.test(heading) ? institutionIn(heading, ctx) : null;
}

/** The government's institution a line names, speaking as an institution, not a person a later "he" could mean. */
function institutionIn(line: string, ctx: FrameContext): Holder | null {
  const reading = readChunk(toPassage(line), 0, line.length, ctx.markers, ctx.registry);
  // "COMUNICADO DE PRENSA" over "Ministerio de …" in one Markdown paragraph: one line of text.
  return reading.kind === "holder" && reading.holder.actor ? { ...reading.holder, text: reading.holder.text.replace(/\s+/g, " "), person: false, name: null } : null;
}

/** A short line with no full stop that names a government's institution, as under a statement's title. */
function issuerOf(line: string, ctx: FrameContext): Holder | null {
  const text = line.trim();
  if (text.split(/\s+/).length > 10 || /[.!?:;"”»]$/.test(text)) return null;
  const issuer = institutionIn(text, ctx);
  return issuer?.via === "named" ? issuer : null;
}

/**
 * A plain-text line that stands as a heading: short, no closing full stop, naming an official text. It may run to a
 * second or third line ("COMUNICADO DE PRENSA" over "Ministerio de Relaciones Exteriores de Colombia").
 */
function headingLine(block: ParsedBlock): { depth: number; span: SourceSpan } | null {
  if (block.type !== "paragraph" || block.span.lineEnd - block.span.lineStart > 2) return null;
  const text = block.span.text.trim();
  if (text.split(/\s+/).length > 14 || /[.!?"”»]$/.test(text) || !STATEMENT_WORDS.test(text)) return null;
  return { depth: 2, span: block.span };
}

/**
 * Where a document's unnamed offices belong: the government it names far more often (1.5 times and at least
 * three times); failing that, in Spanish, Colombia — Spanish-language coverage names U.S. offices with their
 * country ("el Departamento de Estado", "la embajada estadounidense") and Colombia's without.
 */
function homeActor(blocks: ParsedBlock[], markers: ReturnType<typeof holderMarkers>, lang: Language): ActorId | null {
  const counts = { us: 0, co: 0 };
  for (const block of blocks) {
    if (block.type === "table") continue;
    for (const hit of markersIn(block.span.text, markers))
      if (hit.target.actor && (hit.target.type === "holder" || hit.target.type === "person")) counts[hit.target.actor]++;
  }
  if (counts.co >= 3 && counts.co >= 1.5 * counts.us) return "co";
  if (counts.us >= 3 && counts.us >= 1.5 * counts.co) return "us";
  return lang === "es" ? "co" : null;
}

function readParagraph(
  span: SourceSpan,
  p: Passage,
  book: Codebook,
  lang: Language,
  ctx: FrameContext,
  discourse: Discourse,
  { statement, author }: Voices,
  afterDashQuestion = false,
): ExtractedStance[] {
  const quotes = findQuotes(p.plain);
  const stances: ExtractedStance[] = [];
  /** The words each actor and issue already has in this paragraph. */
  const claimed = new Map<string, Range[]>();
  const emit = (candidate: Candidate) => {
    for (const part of candidate.parts.flatMap((part) => directionParts(p.text, part, book))) {
      const key = `${candidate.holder.actor}\u241F${part.hit.issue.slug}`;
      const [start, end] = outside(p.text, trimClause(p.text, part.range.start, part.range.end), claimed.get(key) ?? []);
      if (end - start < 3) continue;
      claimed.set(key, [...(claimed.get(key) ?? []), { start, end }]);
      stances.push({
        actor: candidate.holder.actor as "us" | "co",
        issue: part.hit.issue,
        issueEvidence: part.hit.evidence,
        kind: "prose",
        span: subSpan(span, start, end),
        // The rule says when the issue came from the sentences around the stance, not its own words.
        rule: part.fromContext ? `${candidate.frame.rule}+context` : candidate.frame.rule,
        confidence: proseConfidence(candidate.frame.rule, {
          holderFromContext: candidate.holder.via !== "named",
          issueFromContext: part.fromContext,
          twoIssues: part.twoIssues,
        }),
        holder: candidate.holder.text,
        attribution: candidate.frame.attribution,
        attributionCue: p.text.slice(candidate.frame.cue.start, candidate.frame.cue.end),
      });
    }
  };

  /**
   * The sentences of an official statement that no one else in it is said to say, or those in which a signed text's
   * official author speaks in the first person: the issuer's or the author's words, read as one quotation.
   */
  let issuerWords = null as { range: Range; holder: Holder; rule: "prose:statement" | "prose:author" } | null;
  const flushIssuerWords = () => {
    if (!issuerWords) return;
    const { range, holder, rule } = issuerWords;
    const frame: Frame = {
      rule,
      attribution: "quote",
      verbClass: "speech",
      cue: { start: 0, end: 0 },
      subject: { kind: "holder", holder },
      content: range,
      span: range,
      hedged: false,
      conditional: false,
      statesNothing: false,
    };
    emit({ frame, holder, parts: quoteParts(p, frame.content, lang, book, discourse.currentTopic()) });
    issuerWords = null;
  };

  // "Tommy Pigott, Principal Deputy Spokesperson": a transcript's credit line ties the name its speaker labels use to a government.
  if (isCreditLine(p.plain)) {
    readChunk(p, 0, p.plain.length, ctx.markers, ctx.registry);
    return stances;
  }

  let bodyStart = 0;
  // "R: Los vamos a recibir …", "—Seguiremos apostando por el diálogo": an interview's answer is the interviewee's,
  // the person the text has been about; "P:", "QUESTION:" the interviewer's, no one the answers could mean.
  const label = statement ? null : speakerLabel(p.plain, afterDashQuestion);
  if (label) {
    const { name, nameStart } = label;
    const reading =
      label.role === "question"
        ? ({ kind: "none" } as const)
        : label.role === "answer"
          ? ({ kind: "pending", pending: { text: name, start: nameStart, end: nameStart + name.length, via: "pronoun", government: false } } as const)
          : readChunk(p, nameStart, nameStart + name.length, ctx.markers, ctx.registry);
    if (label.role === "question") bodyStart = label.bodyStart;
    const holder = reading.kind === "holder" ? reading.holder : reading.kind === "pending" ? discourse.resolve(reading.pending) : null;
    if (holder) {
      discourse.mention(holder);
      bodyStart = label.bodyStart;
      if (holder.actor) {
        const frame: Frame = {
          rule: "prose:speaker-label",
          attribution: "quote",
          verbClass: "speech",
          cue: { start: nameStart, end: nameStart + name.length },
          subject: { kind: "holder", holder },
          content: { start: bodyStart, end: p.text.length },
          span: { start: bodyStart, end: p.text.length },
          hedged: false,
          conditional: false,
          statesNothing: false,
        };
        emit({ frame, holder, parts: quoteParts(p, frame.content, lang, book, discourse.currentTopic()) });
        discourse.endSentence(topicOf(p, frame.content, book));
        return stances;
      }
    }
  }

  /** The issue of this paragraph's last quotation, for an unattributed quotation that goes on from it. */
  let quotedIssue: IssueHit | null = null;
  // A wire report's dateline ("BOGOTA, Colombia (AP) —") is where the story was filed, no part of what anyone said.
  if (bodyStart === 0) bodyStart = DATELINE.exec(p.plain)?.[0].length ?? 0;
  const sentences = splitSentences(p.plain, lang, quotes)
    .filter((s) => s.end > bodyStart)
    .map((s) => (s.start < bodyStart ? { ...s, start: bodyStart } : s));
  /** The last sentence of this paragraph that no one was said to say, for an attribution that points back to it. */
  let unattributed: Range | null = null;
  for (const sentence of sentences) {
    // "¿Colombia aceptará los vuelos?", "Should Washington ease the sanctions?": a question states no one's position,
    // and whom it names is no one an answer's speaker could be.
    const question = /[?]["”»’*_\s]*$/.test(p.plain.slice(sentence.start, sentence.end)) && !quotes.some((q) => q.open >= sentence.start && q.open < sentence.end);
    const sentenceSubject = question ? { holder: null, clauseStart: sentence.start } : noteSubject(p, sentence, quotes, ctx, discourse);
    const frames: Frame[] = question ? [] : pointBack(p, sentence, findFrames(p, sentence, quotes, ctx), unattributed);
    // In an official statement, a sentence is its issuer's unless it names someone else who says or does what it
    // tells ("De acuerdo con la nota verbal, Washington considera …"); in a signed text by an official, so is one in
    // which the author speaks in the first person ("We will keep funding manual eradication").
    const voice = statement
      ? { holder: statement, rule: "prose:statement" as const }
      : author && !question && inFirstPerson(p.plain, sentence, quotes, lang)
        ? { holder: author, rule: "prose:author" as const }
        : null;
    if (voice && !frames.some((frame) => namesAnotherHolder(frame, voice.holder))) {
      if (issuerWords && issuerWords.rule !== voice.rule) flushIssuerWords();
      issuerWords = { range: { start: issuerWords?.range.start ?? sentence.start, end: sentence.end }, ...voice };
      discourse.endSentence(topicOf(p, sentence, book, discourse.currentTopic()));
      continue;
    }
    flushIssuerWords();
    unattributed = frames.length === 0 ? sentence : null;
    const lead = { start: sentence.start, end: Math.min(sentence.end, ...frames.map((f) => Math.min(f.span.start, f.cue.start))) };
    let previous: { holder: Holder; issue: IssueHit | null; at: number } | null = null;
    if (frames.length === 0) {
      const quote = quotes.find((q) => q.open >= sentence.start && q.open <= sentence.start + 1);
      if (quote && discourse.quoteSpeaker?.actor) {
        const frame: Frame = {
          rule: "prose:quote-continued",
          attribution: "quote",
          verbClass: "speech",
          cue: { start: quote.open, end: quote.open + 1 },
          subject: { kind: "holder", holder: discourse.quoteSpeaker },
          content: { start: quote.open + 1, end: quote.close },
          span: { start: quote.open + 1, end: quote.close },
          hedged: false,
          conditional: false,
          statesNothing: false,
        };
        const holder = { ...discourse.quoteSpeaker, via: "pronoun" as const };
        // A quotation that goes on counts where it names an issue of its own, or goes on from a quotation of this paragraph.
        const parts = quoteParts(p, frame.content, lang, book, quotedIssue);
        emit({ frame, holder, parts });
        quotedIssue = parts[parts.length - 1]?.hit ?? quotedIssue;
      }
      discourse.endSentence(topicOf(p, sentence, book, discourse.currentTopic()));
      continue;
    }
    for (const found of frames) {
      // A participle in the clause that opens the sentence ("Despite having once claimed that …, he now …") says what that clause says.
      const opening =
        found.subject.kind === "inherit" && found.subject.participle && found.cue.end <= sentenceSubject.clauseStart && found.content.end > sentenceSubject.clauseStart;
      const frame = opening ? clipFrame(found, sentenceSubject.clauseStart) : found;
      // A participle belongs to the main clause: not to a verb in the clause that opens the sentence ("After X threatened …, both sides agreed, allowing …").
      const continued =
        frame.subject.kind === "inherit" && frame.subject.participle && previous && previous.at < sentenceSubject.clauseStart
          ? sentenceSubject.holder
          : (previous?.holder ?? sentenceSubject.holder);
      const holder = resolveHolder(frame, continued, discourse, lang);
      if (!holder) continue;
      const embedded = /\b(?:that|que)\s+$/i.test(p.plain.slice(Math.max(0, holder.start - 6), holder.start));
      discourse.mention(holder, frame.verbClass === "speech", embedded);
      if (frame.attribution === "quote") discourse.quoteSpeaker = holder;
      if (!holder.actor || frame.hedged || frame.conditional || frame.statesNothing) {
        previous = { holder, issue: null, at: frame.cue.start };
        continue;
      }
      const parts: Candidate["parts"] =
        frame.attribution === "quote"
          ? quoteParts(p, frame.content, lang, book, tailTopic(p, frame, sentence, book) ?? previous?.issue ?? discourse.currentTopic())
          : clauseParts(p, frame, lead, previous?.issue ?? discourse.currentTopic(), book);
      emit({ frame, holder, parts });
      if (frame.attribution === "quote") quotedIssue = parts[parts.length - 1]?.hit ?? null;
      previous = { holder, issue: parts[parts.length - 1]?.hit ?? null, at: frame.cue.start };
    }
    discourse.endSentence(topicOf(p, sentence, book, discourse.currentTopic()));
  }
  flushIssuerWords();
  discourse.endParagraph(topicOf(p, { start: bodyStart, end: p.text.length }, book));
  return stances;
}

/**
 * A frame whose subject names someone other than the statement's government: a name, an institution or an office,
 * not a pronoun, an elided subject or a description ("the President" in a State Department statement is the issuer's).
 */
function namesAnotherHolder(frame: Frame, issuer: Holder): boolean {
  const subject = frame.subject;
  // "If Colombia resumes aerial spraying, we will double our support": the condition is the speaker's words.
  return !frame.conditional && subject.kind === "holder" && subject.holder.via !== "pronoun" && subject.holder.via !== "zero" && subject.holder.actor !== issuer.actor;
}

/** A part whose clauses turn between its issue's poles, cut where they turn (contrast.ts). */
function directionParts(text: string, part: Candidate["parts"][number], book: Codebook): Candidate["parts"] {
  const axis = book.issues.find((issue) => issue.slug === part.hit.issue.slug)?.compiledAxis;
  return axis ? splitByContrast(text, part.range, axis, book.negation).map((range) => ({ ...part, range })) : [part];
}

function clipFrame(frame: Frame, end: number): Frame {
  return { ...frame, content: { ...frame.content, end }, span: { ...frame.span, end: Math.min(frame.span.end, end) } };
}

/**
 * A stance's words less those an earlier frame of the same actor and issue already took: "The
 * administration, which has made expanding fossil-fuel output a centerpiece …, has pressed Bogota
 * to reopen exploration" keeps "has pressed Bogota …" apart from the relative clause's action.
 * The longer remaining piece is kept; nothing, when the earlier words cover it all.
 */
function outside(text: string, [start, end]: [number, number], taken: Range[]): [number, number] {
  let s = start;
  let e = end;
  for (const r of taken) {
    if (r.end <= s || r.start >= e) continue;
    if (r.start <= s && r.end >= e) return [s, s];
    if (r.start - s >= e - r.end) e = r.start;
    else s = r.end;
    while (s < e && /[\s,;:]/.test(text[s] as string)) s++;
    [s, e] = trimClause(text, s, e);
  }
  return [s, e];
}

function resolveHolder(frame: Frame, previous: Holder | null, discourse: Discourse, lang: Language): Holder | null {
  const subject = frame.subject;
  if (subject.kind === "holder") return subject.holder.via === "home" ? discourse.sameOffice(subject.holder) : subject.holder;
  if (subject.kind === "pending") return discourse.resolve(subject.pending, frame.verbClass === "speech");
  if (subject.kind === "inherit" && previous) return { ...previous, via: previous.via === "named" ? "pronoun" : previous.via };
  // "Durante su intervención, aseguró que …": a Spanish finite verb with no subject in its sentence has the discourse's.
  const zero = subject.kind === "zero" || (subject.kind === "inherit" && !subject.participle && lang === "es");
  if (zero) return discourse.resolve({ text: "", start: frame.cue.start, end: frame.cue.start, via: "zero", government: false });
  return null;
}

/**
 * A sentence with no attribution still moves the discourse: the person its opening noun phrase
 * names ("In 2022, Petro became …") is who a later "he" points to.
 */
function noteSubject(
  p: Passage,
  sentence: { start: number; end: number },
  quotes: QuoteRange[],
  ctx: FrameContext,
  discourse: Discourse,
): { holder: Holder | null; clauseStart: number } {
  let from = sentence.start;
  // A sentence that opens with a quotation has its speaker, if any, after it.
  if (/^[“”"«‘]/.test(p.plain.slice(from, from + 1))) return { holder: null, clauseStart: from };
  const firstWord = /^[^\s,;:“”"]+/u.exec(p.plain.slice(from, sentence.end))?.[0].toLowerCase() ?? "";
  const plain = /^([^,;:“”"]{1,100}),\s+/.exec(p.plain.slice(from, sentence.end));
  const intro: Intro | null = plain ? { whole: plain[0], clause: plain[1] as string } : quotingIntro(p, from, sentence.end, firstWord, quotes);
  // "After the Trump administration threatened tariffs, …": a clause or phrase that opens the sentence is not its subject, however long.
  const adverbial = CLAUSE_WORDS.has(firstWord) || ADVERBIAL_OPENERS.has(firstWord);
  if (intro && (adverbial || intro.whole.trim().split(/\s+/).length <= 14)) {
    // "La viceministra de Relaciones Exteriores, Natalia Ortiz, habló …": the opening phrase is the subject and the name its appositive.
    const opening = adverbial ? ({ kind: "none" } as const) : readChunk(p, from, from + intro.clause.length, ctx.markers, ctx.registry);
    const apposition = /^([^,;:“”"]{1,40}),/.exec(p.plain.slice(from + intro.whole.length, sentence.end));
    if (opening.kind === "holder" && opening.holder.actor) {
      const name = apposition && /^\p{Lu}/u.test(apposition[1] as string) ? (apposition[1] as string).trim() : null;
      if (name) ctx.registry.register(name, opening.holder.actor);
      // "The mines and energy minister, Edwin Palma, has been …": the office and its name are one person a later "he" can mean.
      const end = name ? from + intro.whole.length + (apposition?.[1] as string).trimEnd().length : opening.holder.end;
      const holder = name && opening.holder.person ? { ...opening.holder, text: p.text.slice(opening.holder.start, end), end, via: "named" as const, name } : opening.holder;
      if (holder.person) discourse.mention(holder);
      return { holder, clauseStart: from };
    }
    from += intro.whole.length;
  }
  let end = from;
  const verbs = findVerbs(p, from, sentence.end);
  const markerWords = markersIn(p.plain.slice(from, sentence.end), ctx.markers).map((h) => ({ start: from + h.start, end: from + h.end }));
  let previous = "";
  for (const m of p.plain.slice(from, sentence.end).matchAll(/[\p{L}\p{N}]+(?:[’'.-][\p{L}\p{N}]+)*/gu)) {
    const gap = p.plain.slice(end, from + m.index);
    if (end > from && /[,;:“”"()]/.test(gap)) break;
    if (verbs.some((v) => v.start === from + m.index)) break;
    const word = m[0];
    const at = from + m.index;
    const lower = word.toLowerCase();
    const opensPhrase =
      /^\p{Lu}/u.test(word) ||
      (end === from && PERSONAL_PRONOUNS.has(lower)) ||
      /^(?:the|a|an|el|la|los|las|of|de|del)$/i.test(word) ||
      ROLE_NOUNS.has(lower) ||
      TITLE_WORDS.has(lower) ||
      // "El encargado de negocios de Estados Unidos": a role's complement goes on after "de" / "of".
      (ROLE_NOUNS.has(previous) && /^(?:of|de|del)$/.test(lower)) ||
      /^(?:of|de|del)$/.test(previous) ||
      markerWords.some((h) => at >= h.start && at < h.end);
    if (!opensPhrase) break;
    end = from + m.index + word.length;
    previous = lower;
  }
  if (end === from) return { holder: null, clauseStart: from };
  const reading = readChunk(p, from, end, ctx.markers, ctx.registry);
  const holder = reading.kind === "holder" ? reading.holder : reading.kind === "pending" ? discourse.resolve(reading.pending) : null;
  if (holder && reading.kind === "holder" && (holder.person || holder.actor)) discourse.mention(holder);
  return { holder, clauseStart: from };
}

/** A sentence's opening phrase or clause: with its comma and the space after it, and without. */
interface Intro {
  whole: string;
  clause: string;
}

/**
 * An opening adverbial clause that quotes ("Despite having once claimed that “cocaine is no more harmful than
 * whiskey,” he now …"): up to the first comma outside a quotation, as the plain intro is up to its first comma.
 */
function quotingIntro(p: Passage, from: number, end: number, firstWord: string, quotes: QuoteRange[]): Intro | null {
  if (!CLAUSE_WORDS.has(firstWord) && !ADVERBIAL_OPENERS.has(firstWord)) return null;
  for (let at = p.plain.indexOf(",", from); at >= 0 && at < end && at - from <= 200; at = p.plain.indexOf(",", at + 1)) {
    const quote = quotes.find((q) => q.open < at && at < q.close);
    // Inside a quotation a comma ends the clause only where the quotation ends with it ("…whiskey,”").
    if (quote && quote.close - at > 1) continue;
    const close = quote ? quote.close + 1 : at + 1;
    const space = /^\s*/.exec(p.plain.slice(close, end))?.[0] ?? "";
    return { whole: p.plain.slice(from, close + space.length), clause: p.plain.slice(from, at) };
  }
  return null;
}

/** Words whose clause is about a conversation, not a policy. */
const COMMUNICATION =
  /(?<!\p{L})(?:speak|spoke|speaking|talk(?:ed|ing)? (?:to|with)|meet(?:ing)? with|met with|phone call|(?:a|the) call with|tone|conversation|interview|wrote to|writing to|letter to|(?:hablar|hablo) con (?:el|la|este|esta|me|nosotros|periodistas|reporteros|la prensa)|conversacion|llamada|reunion con|se reunio|tono|entrevista|carta a|(?:would|will|could|did) not (?:discuss|comment|elaborate|speculate)|declin(?:ed|es|ing) to|no comment|no (?:quiso|quisieron) (?:referirse|comentar|pronunciarse)|se abstuvo|sin comentarios|no se pronuncio)(?!\p{L})/u;

/** An object that points back to what the text was on: a pronoun, or a definite or demonstrative noun phrase. */
const ANAPHORIC_OBJECT =
  /^\s+(?:to\s+\p{L}+\s+)?(?:it|them|this|that|these|those|the|its|their|his|her|lo|la|los|las|le|les|el|esa|ese|esas|esos|esta|este|estas|estos|dicha|dicho|su|sus)(?!\p{L})/u;

/** "Así lo aseguró el ministro", "Así lo dijo Petro": an attribution that reports the sentence before it. */
const POINTS_BACK = /^\s*(?:as[ií]\s+lo|eso\s+(?:lo\s+)?)\s*\p{L}+/iu;

function pointBack(p: Passage, sentence: Range, frames: Frame[], before: Range | null): Frame[] {
  const [first] = frames;
  if (!before || !first || first.verbClass !== "speech" || !POINTS_BACK.test(p.plain.slice(sentence.start, first.cue.end))) return frames;
  return [{ ...first, rule: "prose:reported-speaker-after", content: { ...before }, span: { ...before } }];
}

/** A noun modified by a relative clause: "una propuesta que …", "an idea that …". */
const APPOSITIVE_RELATIVE = /^(?:a|an|the|un|una|el|la)\s+\p{L}+\s+(?:that|which|que)\s/u;

/**
 * The parts of a reported clause or action, each on one issue: its own words first; failing
 * them, the words that open the sentence before the holder ("In an apparent reference to the
 * strikes on drug boats, he added …"), or the issue of the clause it is coordinated with.
 */
const RELATIVE_ASIDE = /,\s*(?:donde|where|which|who|whose|quien|quienes|cuyo|cuya|cuyos|cuyas)(?!\p{L})/u;

function clauseParts(p: Passage, frame: Frame, lead: Range, previousIssue: IssueHit | null, book: Codebook): Candidate["parts"] {
  // An action or stance verb can name the issue itself ("deported", "descertificó"); a speech verb never does.
  const from = frame.verbClass === "speech" || frame.verbClass === "according" ? frame.content.start : Math.min(frame.cue.start, frame.content.start);
  const all = issueHits(p, from, frame.content.end, book);
  // "… un TPS para los colombianos que huyeron de la violencia en el Catatumbo, donde los combates entre el ELN y …": a
  // relative clause set off by a comma describes; the issue is the main clause's when it names one.
  const aside = RELATIVE_ASIDE.exec(p.folded.slice(from, frame.content.end));
  const main = aside ? all.filter((h) => h.end <= from + aside.index) : all;
  const own = main.length ? main : all;
  if (own.length) {
    return splitByIssue(p, frame.span.start, frame.span.end, own).flatMap((part) => {
      const choice = dominantIssue(part.hits.length ? part.hits : own);
      return choice ? [{ range: { start: part.start, end: part.end }, hit: choice.hit, fromContext: false, twoIssues: choice.ambiguous }] : [];
    });
  }
  // "Southern Command, which directs the strikes on drug boats, said …": what describes the speaker is context too.
  const described = frame.verbClass === "speech" && frame.subject.kind === "holder" && frame.subject.holder.end < frame.cue.start ? { start: frame.subject.holder.end, end: frame.cue.start } : null;
  const context =
    dominantIssue(issueHits(p, lead.start, lead.end, book))?.hit ?? (described && dominantIssue(issueHits(p, described.start, described.end, book))?.hit) ?? previousIssue;
  // Words about the talking itself ("agreed to speak with me", "struck a light tone", "would not discuss operational details") take no position on the issue around them.
  if (!context || COMMUNICATION.test(p.folded.slice(from, frame.content.end))) return [];
  // A stance verb's object says what is wanted or opposed. One that points back ("defended them", "condemned the
  // strikes") takes the issue it points to; one that neither points back nor carries the issue's policy words
  // ("an idea Petro has defended in international forums", "seeks to reinforce his influence") leaves the issue a guess.
  const axis = frame.verbClass === "stance" ? book.issues.find((issue) => issue.slug === context.issue.slug)?.compiledAxis : undefined;
  // ", una propuesta que Bogotá había presentado": a noun in apposition, modified by the holder's clause, is the clause before it.
  const appositive = /,\s*$/.test(p.plain.slice(Math.max(0, frame.span.start - 3), frame.span.start)) && APPOSITIVE_RELATIVE.test(p.folded.slice(frame.span.start, frame.cue.start));
  if (axis && !appositive && !ANAPHORIC_OBJECT.test(p.folded.slice(frame.cue.end, frame.content.end)) && scoreStance(p.text.slice(frame.span.start, frame.span.end), axis, book.negation).cues.length === 0)
    return [];
  // The issue the text was on a sentence or three ago, or the one of the clause this one is coordinated with.
  return [{ range: frame.span, hit: context, fromContext: true, twoIssues: false }];
}

/** "“…,” Petro said, referring to the deportation flights": what follows the attribution can name the quotation's issue. */
function tailTopic(p: Passage, frame: Frame, sentence: Range, book: Codebook): IssueHit | null {
  if (frame.content.end > frame.cue.start) return null;
  return dominantIssue(issueHits(p, frame.cue.end, sentence.end, book))?.hit ?? null;
}

/**
 * A quotation, read sentence by sentence: consecutive sentences on the same issue make one stance, and a
 * sentence that coordinates two issues ("rechazamos cualquier acción militar contra Venezuela y contra
 * lanchas …") is cut where it turns. A sentence that names no issue joins the stance before it or, when
 * none is before it, the one after it ("Que lo demuestren ante un juez. Nosotros extraditamos …"); a quote
 * that names none is no stance.
 */
function quoteParts(p: Passage, content: Range, lang: Language, book: Codebook, topic: IssueHit | null): Candidate["parts"] {
  const parts: Candidate["parts"] = [];
  const inner = p.plain.slice(content.start, content.end);
  let pending: number | null = null;
  for (const s of splitSentences(inner, lang, [])) {
    const range = { start: content.start + s.start, end: content.start + s.end };
    const hits = issueHits(p, range.start, range.end, book);
    const last = parts[parts.length - 1];
    if (!dominantIssue(hits)) {
      if (last) last.range.end = range.end;
      else pending ??= range.start;
      continue;
    }
    for (const piece of splitByIssue(p, range.start, range.end, hits)) {
      const choice = dominantIssue(piece.hits.length ? piece.hits : hits);
      if (!choice) continue;
      const previous = parts[parts.length - 1];
      if (previous && previous.hit.issue.slug === choice.hit.issue.slug && previous.range.end >= piece.start - 2) previous.range.end = piece.end;
      else parts.push({ range: { start: pending ?? piece.start, end: piece.end }, hit: choice.hit, fromContext: false, twoIssues: choice.ambiguous });
      pending = null;
    }
  }
  if (parts.length === 0 && topic) parts.push({ range: { ...content }, hit: topic, fromContext: true, twoIssues: false });
  return parts;
}

/**
 * The issue a document is about when it is about one: at least five issue words in its prose, four in five
 * of them one issue's (a wire story on deportation flights, not a profile that ranges over four issues). Measured
 * on the gold set: at four in five it adds right stances only; at three in five, wrong ones too.
 */
const DOCUMENT_TOPIC_SHARE = 0.8;

function documentTopic(passages: Passage[], book: Codebook): IssueHit | null {
  const counts = new Map<string, { hit: IssueHit; n: number }>();
  let total = 0;
  for (const p of passages) {
    for (const hit of issueHits(p, 0, p.text.length, book)) {
      if (hit.issue.kind !== "codebook") continue;
      total++;
      const c = counts.get(hit.issue.slug) ?? { hit, n: 0 };
      c.n++;
      counts.set(hit.issue.slug, c);
    }
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return best && total >= 5 && best.n / total >= DOCUMENT_TOPIC_SHARE ? best.hit : null;
}

/** The codebook issue a stretch of text is clearly about (one issue named most), for the discourse topic. */
function topicOf(p: Passage, range: Range, book: Codebook, current: IssueHit | null = null): IssueHit | null {
  const hits = issueHits(p, range.start, range.end, book).filter((h) => h.issue.kind === "codebook");
  const choice = dominantIssue(hits);
  if (choice && !choice.ambiguous) return choice.hit;
  // A sentence that names the current topic as often as another keeps the text on it ("… los pasos fronterizos y el diálogo con Caracas").
  if (!choice || !current) return null;
  const count = (slug: string) => hits.filter((h) => h.issue.slug === slug).length;
  return count(current.issue.slug) === count(choice.hit.issue.slug) ? current : null;
}
