import { type ActorId, AliasIndex, type Codebook, type CodebookActor, type CompiledAlias } from "./codebook";
import { fold } from "./fold";

/**
 * The other government's course, told by a holder: "Petro said that the United States applies sanctions only
 * when they suit its oil companies", "Trump's vision is to seize oil", "accused Bogotá of abandoning forced
 * eradication". Between these two governments a holder who tells what the other does, neither approving
 * nor asking for it, stands against it, so the cues after the other government's name count for the
 * opposite pole (score.ts). The other government counts when it is the subject of a clause (after the
 * opening of the stance, a comma or quotation mark, or a conjunction such as "that" or "que"), a possessor
 * ("Trump's"), or the one accused ("accused Bogotá of").
 */
export interface OtherCourse {
  start: number;
  /** Where the other government's name ends in the stance text: cues after it are reversed. */
  end: number;
  /** The name as written. */
  words: string;
}

const W = "(?<![\\p{L}\\p{N}])";
/** Words that open a clause whose subject follows: a stance's reported content starts after one. */
const CLAUSE_OPENER = new RegExp(
  `(?:^|[,;:«“"‘(]|${W}(?:that|que|when|cuando|because|porque|if|si|while|mientras|since|as|and|y|but|pero|whereas))\\s*(?:(?:the|el|la|los)\\s+)?(?:(?:government|gobierno|administration|administracion|president|presidente|presidenta)\\s+(?:of\\s+(?:the\\s+)?|de\\s+)?)?$`,
  "u",
);
const ACCUSED = new RegExp(`${W}(?:accused|accuses|accusing|acuso a|acusa a|acusan a|acusaron a)\\s+(?:the\\s+|el\\s+|la\\s+)?$`, "u");
const POSSESSIVE = /^['’]s(?![\p{L}])/u;
/** The holder approves of what it tells ("welcomed Washington's decision"), tells the other what to do ("urged the United States to"), or makes something depend on it ("dependerá de que Bogotá recupere …"). */
const APPROVES_OR_ASKS = new RegExp(
  `${W}(?:welcom|prais|thank|applaud|recogni[sz]|celebrat|commend|hail|agradec|aplaud|valor|acog|reconoc|elogi|celebr|demand|ask|urg|call(?:s|ed|ing)? (?:on|for)|request|want|expect|hop(?:e|es|ed|ing)(?![\\p{L}])|propos|suggest|recommend|invit|exig|pid|pide|pedi|insta|inst[oó]|solicit|reclam|quier|esper|propon|propus|sugier|sugir|recomend|depend|condicion|condition|a cambio de|in exchange for|siempre que|only if|solo si)`,
  "u",
);
/** What the other government should do, or has agreed to, is not its course opposed. */
const PRESCRIBED_OR_AGREED = new RegExp(
  `${W}(?:should|must|ought|needs? to|has to|have to|could|agreed|accepted|committed|promised|pledged|deb[eií]\\p{L}*|tiene que|tendr[aá] que|podr[ií]\\p{L}*|necesita|acord[oó]|acept[oó]|se comprometi[oó]|prometi[oó])(?![\\p{L}])`,
  "u",
);

/** An actor's institutions and people, joined once per codebook actor: every prose stance asks. */
const NAMES = new WeakMap<CodebookActor, CompiledAlias[]>();
function namesOf(actor: CodebookActor): CompiledAlias[] {
  let names = NAMES.get(actor);
  if (!names) {
    names = [...actor.holders, ...actor.people];
    NAMES.set(actor, names);
  }
  return names;
}

/** The same names filed by opening, once per actor: a stance asks only about those some word of it opens as. */
const NAME_INDEXES = new WeakMap<CodebookActor, AliasIndex<CodebookActor>>();
function nameIndex(actor: CodebookActor): AliasIndex<CodebookActor> {
  let index = NAME_INDEXES.get(actor);
  if (!index) {
    index = new AliasIndex([actor], namesOf);
    NAME_INDEXES.set(actor, index);
  }
  return index;
}

/** The first mention of the other government (its holders' names and people) that tells its course, or null. */
export function otherCourse(text: string, holder: ActorId, book: Codebook): OtherCourse | null {
  const other = book.actors.find((actor) => actor.id !== holder);
  if (!other) return null;
  const folded = fold(text);
  for (const hit of nameIndex(other).hits(text, folded)) {
    const before = folded.slice(0, hit.start);
    const after = folded.slice(hit.end);
    const tells = CLAUSE_OPENER.test(before) || ACCUSED.test(before) || POSSESSIVE.test(after);
    if (!tells) continue;
    if (APPROVES_OR_ASKS.test(before) || PRESCRIBED_OR_AGREED.test(after)) return null;
    return { start: hit.start, end: hit.end, words: text.slice(hit.start, hit.end) };
  }
  return null;
}
