/**
 * Attribution verbs in English and Spanish, with their inflected forms. Grammar, not domain: which
 * issue a sentence is about comes from the codebook, never from these lists.
 *
 * - speech: reports what a holder says ("said", "told", "dijo", "afirmó"), takes a quote or a clause;
 * - stance: reports what a holder wants or opposes ("urged", "rejected", "exigió", "rechazó");
 * - action: what a government does ("deported", "extradited", "deportó", "suspendió").
 */
export type VerbClass = "speech" | "stance" | "action";

export interface VerbForm {
  /** The form as it appears in folded text ("dijo", "pushed"). */
  form: string;
  lemma: string;
  verbClass: VerbClass;
  lang: "en" | "es";
  /** The verb needs this particle to count ("call for", "push for"); the particle is part of the cue. */
  particle?: string;
  /** Present participle / gerund: "saying", "diciendo" — attaches to the clause's subject. */
  participle: boolean;
  /** Past participle (after "has"/"ha"): "said", "dicho" — also the English simple past for most verbs. */
  pastParticiple: boolean;
}

interface EnglishVerb {
  lemma: string;
  verbClass: VerbClass;
  /** Irregular or doubled forms: [third person, past, past participle, gerund]. */
  forms?: [string, string, string, string];
  particle?: string;
  /** Base and -s forms are mostly nouns ("the state", "United States"): only past and -ing forms count. */
  pastOnly?: boolean;
  /** With pastOnly, the -s form still counts: headlines tell past deeds in the present ("Colombia recalls ambassador", "U.S. ends licence"). */
  headline?: boolean;
}

const EN: EnglishVerb[] = [
  // speech
  { lemma: "say", verbClass: "speech", forms: ["says", "said", "said", "saying"] },
  { lemma: "tell", verbClass: "speech", forms: ["tells", "told", "told", "telling"] },
  { lemma: "add", verbClass: "speech" },
  // "state" and "states" are nouns far more often ("the Colombian state", "United States").
  { lemma: "state", verbClass: "speech", pastOnly: true },
  { lemma: "declare", verbClass: "speech" },
  { lemma: "announce", verbClass: "speech" },
  // "reported that it sank", "informed Congress that": speech; the bare noun forms ("the report") are excluded by pastOnly.
  { lemma: "report", verbClass: "speech", pastOnly: true },
  { lemma: "inform", verbClass: "speech", pastOnly: true },
  { lemma: "notify", verbClass: "speech", forms: ["notifies", "notified", "notified", "notifying"] },
  { lemma: "argue", verbClass: "speech" },
  { lemma: "insist", verbClass: "speech" },
  { lemma: "maintain", verbClass: "speech" },
  { lemma: "contend", verbClass: "speech" },
  { lemma: "stress", verbClass: "speech" },
  { lemma: "emphasize", verbClass: "speech" },
  { lemma: "emphasise", verbClass: "speech" },
  { lemma: "explain", verbClass: "speech" },
  { lemma: "write", verbClass: "speech", forms: ["writes", "wrote", "written", "writing"] },
  { lemma: "post", verbClass: "speech" },
  { lemma: "tweet", verbClass: "speech" },
  { lemma: "warn", verbClass: "speech" },
  { lemma: "claim", verbClass: "speech" },
  { lemma: "reiterate", verbClass: "speech" },
  { lemma: "repeat", verbClass: "speech" },
  { lemma: "assure", verbClass: "speech" },
  { lemma: "acknowledge", verbClass: "speech" },
  { lemma: "admit", verbClass: "speech", forms: ["admits", "admitted", "admitted", "admitting"] },
  { lemma: "concede", verbClass: "speech" },
  { lemma: "confirm", verbClass: "speech" },
  { lemma: "reaffirm", verbClass: "speech" },
  { lemma: "assert", verbClass: "speech" },
  { lemma: "underscore", verbClass: "speech" },
  // "a note", "a counter", "a caution" are nouns: only past and -ing forms count.
  { lemma: "note", verbClass: "speech", pastOnly: true },
  { lemma: "counter", verbClass: "speech", pastOnly: true },
  { lemma: "caution", verbClass: "speech", pastOnly: true },
  { lemma: "point", verbClass: "speech", particle: "out" },
  // A retort: "Palma shot back that …", "the ministry hit back, saying …".
  { lemma: "shoot", verbClass: "speech", forms: ["shoots", "shot", "shot", "shooting"], particle: "back" },
  { lemma: "hit", verbClass: "speech", forms: ["hits", "hit", "hit", "hitting"], particle: "back" },
  { lemma: "fire", verbClass: "speech", particle: "back" },
  { lemma: "push", verbClass: "speech", particle: "back" },
  { lemma: "mention", verbClass: "speech" },
  { lemma: "comment", verbClass: "speech" },
  { lemma: "reveal", verbClass: "speech" },
  { lemma: "conclude", verbClass: "speech" },
  { lemma: "highlight", verbClass: "speech" },
  { lemma: "lament", verbClass: "speech" },
  { lemma: "respond", verbClass: "speech" },
  { lemma: "reply", verbClass: "speech", forms: ["replies", "replied", "replied", "replying"] },
  { lemma: "suggest", verbClass: "speech" },
  { lemma: "signal", verbClass: "speech", forms: ["signals", "signaled", "signaled", "signaling"] },
  { lemma: "promise", verbClass: "speech" },
  { lemma: "vow", verbClass: "speech" },
  { lemma: "pledge", verbClass: "speech" },
  { lemma: "threaten", verbClass: "speech" },
  { lemma: "deny", verbClass: "speech", forms: ["denies", "denied", "denied", "denying"] },
  { lemma: "complain", verbClass: "speech" },
  { lemma: "describe", verbClass: "speech" },
  { lemma: "call", verbClass: "speech" },
  { lemma: "characterize", verbClass: "speech" },
  { lemma: "label", verbClass: "speech", forms: ["labels", "labeled", "labeled", "labeling"] },
  { lemma: "dismiss", verbClass: "speech" },
  { lemma: "deride", verbClass: "speech" },
  { lemma: "accuse", verbClass: "speech" },
  { lemma: "blame", verbClass: "speech" },
  // stance
  { lemma: "want", verbClass: "stance" },
  { lemma: "seek", verbClass: "stance", forms: ["seeks", "sought", "sought", "seeking"] },
  { lemma: "push", verbClass: "stance" },
  { lemma: "press", verbClass: "stance", particle: "for" },
  { lemma: "press", verbClass: "stance" },
  { lemma: "call", verbClass: "stance", particle: "for" },
  { lemma: "call", verbClass: "stance", particle: "on" },
  { lemma: "urge", verbClass: "stance" },
  { lemma: "demand", verbClass: "stance" },
  { lemma: "ask", verbClass: "stance" },
  { lemma: "request", verbClass: "stance" },
  // "We expect Colombia to receive the flights": what a holder expects of the other is a demand ("is expected to" is a hedge, skipped).
  { lemma: "expect", verbClass: "stance" },
  { lemma: "propose", verbClass: "stance" },
  { lemma: "favor", verbClass: "stance" },
  { lemma: "favour", verbClass: "stance" },
  { lemma: "support", verbClass: "stance" },
  // "back" is mostly the adverb ("turned back", "sent back"): only "backed" and "backing" count.
  { lemma: "back", verbClass: "stance", pastOnly: true },
  { lemma: "oppose", verbClass: "stance" },
  { lemma: "object", verbClass: "stance", particle: "to" },
  { lemma: "rule", verbClass: "stance", particle: "out" },
  { lemma: "praise", verbClass: "stance" },
  { lemma: "applaud", verbClass: "stance" },
  { lemma: "commend", verbClass: "stance" },
  { lemma: "deplore", verbClass: "stance" },
  { lemma: "thank", verbClass: "stance" },
  { lemma: "boast", verbClass: "stance" },
  { lemma: "hail", verbClass: "stance", pastOnly: true },
  { lemma: "recommend", verbClass: "stance" },
  // "conditioned aid on …"; "a condition" is a noun.
  { lemma: "condition", verbClass: "stance", pastOnly: true },
  { lemma: "reject", verbClass: "stance" },
  { lemma: "criticize", verbClass: "stance" },
  { lemma: "criticise", verbClass: "stance" },
  { lemma: "condemn", verbClass: "stance" },
  { lemma: "denounce", verbClass: "stance" },
  // "protested the March 6 strike": pastOnly, since "a protest" and "protests" are mostly nouns.
  { lemma: "protest", verbClass: "stance", pastOnly: true },
  { lemma: "defend", verbClass: "stance" },
  // "a proposal that Bogotá presented in January": presenting a plan is proposing it.
  { lemma: "present", verbClass: "stance", pastOnly: true },
  { lemma: "welcome", verbClass: "stance" },
  { lemma: "prioritize", verbClass: "stance" },
  { lemma: "prioritise", verbClass: "stance" },
  { lemma: "advocate", verbClass: "stance" },
  { lemma: "champion", verbClass: "stance" },
  { lemma: "plan", verbClass: "stance", forms: ["plans", "planned", "planned", "planning"] },
  { lemma: "intend", verbClass: "stance" },
  { lemma: "refuse", verbClass: "stance" },
  { lemma: "agree", verbClass: "stance", forms: ["agrees", "agreed", "agreed", "agreeing"] },
  { lemma: "decline", verbClass: "stance" },
  { lemma: "resist", verbClass: "stance" },
  { lemma: "question", verbClass: "stance" },
  { lemma: "insist", verbClass: "stance", particle: "on" },
  { lemma: "commit", verbClass: "stance", forms: ["commits", "committed", "committed", "committing"] },
  { lemma: "offer", verbClass: "stance" },
  { lemma: "encourage", verbClass: "stance" },
  { lemma: "endorse", verbClass: "stance" },
  { lemma: "challenge", verbClass: "stance" },
  { lemma: "weigh", verbClass: "stance" },
  { lemma: "consider", verbClass: "stance" },
  // action
  { lemma: "deport", verbClass: "action" },
  { lemma: "extradite", verbClass: "action" },
  { lemma: "halt", verbClass: "action" },
  { lemma: "suspend", verbClass: "action" },
  { lemma: "decertify", verbClass: "action", forms: ["decertifies", "decertified", "decertified", "decertifying"] },
  { lemma: "impose", verbClass: "action" },
  { lemma: "sanction", verbClass: "action" },
  { lemma: "ban", verbClass: "action", forms: ["bans", "banned", "banned", "banning"] },
  { lemma: "prohibit", verbClass: "action" },
  { lemma: "block", verbClass: "action" },
  { lemma: "bar", verbClass: "action", forms: ["bars", "barred", "barred", "barring"] },
  { lemma: "cut", verbClass: "action", forms: ["cuts", "cut", "cut", "cutting"] },
  { lemma: "freeze", verbClass: "action", forms: ["freezes", "froze", "frozen", "freezing"] },
  { lemma: "revoke", verbClass: "action" },
  { lemma: "expel", verbClass: "action", forms: ["expels", "expelled", "expelled", "expelling"] },
  { lemma: "sign", verbClass: "action" },
  { lemma: "approve", verbClass: "action" },
  { lemma: "launch", verbClass: "action" },
  { lemma: "order", verbClass: "action" },
  { lemma: "resume", verbClass: "action" },
  { lemma: "reopen", verbClass: "action" },
  { lemma: "restore", verbClass: "action" },
  { lemma: "designate", verbClass: "action" },
  { lemma: "restrict", verbClass: "action" },
  { lemma: "cancel", verbClass: "action", forms: ["cancels", "canceled", "canceled", "canceling"] },
  { lemma: "withdraw", verbClass: "action", forms: ["withdraws", "withdrew", "withdrawn", "withdrawing"] },
  { lemma: "accept", verbClass: "action" },
  { lemma: "allow", verbClass: "action" },
  { lemma: "authorize", verbClass: "action" },
  { lemma: "authorise", verbClass: "action" },
  { lemma: "fumigate", verbClass: "action" },
  { lemma: "eradicate", verbClass: "action" },
  { lemma: "bomb", verbClass: "action" },
  { lemma: "deploy", verbClass: "action" },
  { lemma: "terminate", verbClass: "action" },
  { lemma: "ease", verbClass: "action" },
  { lemma: "lift", verbClass: "action" },
  { lemma: "tighten", verbClass: "action" },
  { lemma: "send", verbClass: "action", forms: ["sends", "sent", "sent", "sending"], particle: "back" },
  { lemma: "turn", verbClass: "action", particle: "back" },
  { lemma: "turn", verbClass: "action", particle: "away" },
  { lemma: "strike", verbClass: "action", forms: ["strikes", "struck", "struck", "striking"] },
  { lemma: "attack", verbClass: "action" },
  { lemma: "raid", verbClass: "action" },
  { lemma: "destroy", verbClass: "action" },
  { lemma: "seize", verbClass: "action" },
  { lemma: "intercept", verbClass: "action" },
  { lemma: "dismantle", verbClass: "action" },
  { lemma: "detain", verbClass: "action" },
  { lemma: "arrest", verbClass: "action", pastOnly: true },
  { lemma: "capture", verbClass: "action", pastOnly: true, headline: true },
  // "recalled its ambassador": the diplomatic deed, not memory.
  { lemma: "recall", verbClass: "action", pastOnly: true, headline: true },
  // "has carried out more than 20 strikes", "conducted a raid": the deed is the object.
  { lemma: "carry", verbClass: "action", forms: ["carries", "carried", "carried", "carrying"], particle: "out" },
  { lemma: "conduct", verbClass: "action", pastOnly: true },
  { lemma: "veto", verbClass: "action", forms: ["vetoes", "vetoed", "vetoed", "vetoing"] },
  { lemma: "certify", verbClass: "action", forms: ["certifies", "certified", "certified", "certifying"] },
  { lemma: "summon", verbClass: "action" },
  // Nouns far more often in their base form ("the end", "a stop", "in place", "the return", "the issue"): past and -ing only.
  { lemma: "end", verbClass: "action", pastOnly: true, headline: true },
  { lemma: "stop", verbClass: "action", forms: ["stops", "stopped", "stopped", "stopping"], pastOnly: true },
  { lemma: "place", verbClass: "action", pastOnly: true },
  { lemma: "return", verbClass: "action", pastOnly: true },
  { lemma: "issue", verbClass: "action", pastOnly: true },
  { lemma: "close", verbClass: "action", pastOnly: true, headline: true },
  { lemma: "grant", verbClass: "action" },
  { lemma: "fund", verbClass: "action", pastOnly: true },
  { lemma: "finance", verbClass: "action", pastOnly: true },
  { lemma: "expand", verbClass: "action" },
  // Scaling a policy up or down is doing it: "doubled the eradication teams", "reduced aid".
  { lemma: "double", verbClass: "action", pastOnly: true },
  { lemma: "triple", verbClass: "action", pastOnly: true },
  { lemma: "increase", verbClass: "action", pastOnly: true },
  { lemma: "reduce", verbClass: "action" },
  { lemma: "boost", verbClass: "action", pastOnly: true },
  { lemma: "bolster", verbClass: "action" },
  { lemma: "strengthen", verbClass: "action" },
  { lemma: "intensify", verbClass: "action", forms: ["intensifies", "intensified", "intensified", "intensifying"] },
  { lemma: "step", verbClass: "action", forms: ["steps", "stepped", "stepped", "stepping"], particle: "up" },
  { lemma: "ramp", verbClass: "action", particle: "up" },
  { lemma: "scale", verbClass: "action", particle: "back" },
  { lemma: "fly", verbClass: "action", forms: ["flies", "flew", "flown", "flying"], pastOnly: true },
  { lemma: "receive", verbClass: "action" },
  // "sent the military into Venezuela", "dispatched two planes": a deed; "sent back" is the particle verb above.
  { lemma: "send", verbClass: "action", forms: ["sends", "sent", "sent", "sending"] },
  { lemma: "dispatch", verbClass: "action" },
  { lemma: "sink", verbClass: "action", forms: ["sinks", "sank", "sunk", "sinking"] },
  // "answered with a threat of tariffs", "responded by recalling its ambassador": the deed is what follows.
  { lemma: "answer", verbClass: "action", particle: "with" },
  { lemma: "respond", verbClass: "action", particle: "with" },
  { lemma: "respond", verbClass: "action", particle: "by" },
  { lemma: "retaliate", verbClass: "action" },
  { lemma: "open", verbClass: "action", pastOnly: true, headline: true },
  // "pays for the deportation flights": paying is the deed; "paid a visit" has no particle.
  { lemma: "pay", verbClass: "action", forms: ["pays", "paid", "paid", "paying"], particle: "for" },
  // "handed over to U.S. marshals a commander …": an extradition told as a deed.
  { lemma: "hand", verbClass: "action", particle: "over" },
  { lemma: "unveil", verbClass: "action" },
  { lemma: "implement", verbClass: "action" },
  { lemma: "renew", verbClass: "action" },
  { lemma: "keep", verbClass: "action", forms: ["keeps", "kept", "kept", "keeping"] },
  { lemma: "maintain", verbClass: "action" },
];

/** Regular English inflection: third person, past, past participle, gerund. */
function inflectEnglish(lemma: string): [string, string, string, string] {
  const third = /(?:s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`;
  const past = lemma.endsWith("e") ? `${lemma}d` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ied` : `${lemma}ed`;
  const gerund = lemma.endsWith("ee") ? `${lemma}ing` : lemma.endsWith("e") ? `${lemma.slice(0, -1)}ing` : `${lemma}ing`;
  return [third, past, past, gerund];
}

interface SpanishVerb {
  lemma: string;
  verbClass: VerbClass;
  /** Irregular third-person forms: present sg/pl, preterite sg/pl, imperfect sg, future sg, participle, gerund. */
  forms?: string[];
  /** Pronominal verbs ("oponerse"): the clitic that precedes a finite form ("se opone"). */
  reflexive?: boolean;
}

const ES: SpanishVerb[] = [
  // speech
  { lemma: "decir", verbClass: "speech", forms: ["dice", "dicen", "dijo", "dijeron", "decía", "dirá", "dicho", "diciendo"] },
  { lemma: "afirmar", verbClass: "speech" },
  { lemma: "asegurar", verbClass: "speech" },
  { lemma: "señalar", verbClass: "speech" },
  { lemma: "indicar", verbClass: "speech", forms: ["indica", "indican", "indicó", "indicaron", "indicaba", "indicará", "indicado", "indicando"] },
  { lemma: "expresar", verbClass: "speech" },
  { lemma: "manifestar", verbClass: "speech", forms: ["manifiesta", "manifiestan", "manifestó", "manifestaron", "manifestaba", "manifestará", "manifestado", "manifestando"] },
  { lemma: "declarar", verbClass: "speech" },
  { lemma: "sostener", verbClass: "speech", forms: ["sostiene", "sostienen", "sostuvo", "sostuvieron", "sostenía", "sostendrá", "sostenido", "sosteniendo"] },
  { lemma: "insistir", verbClass: "speech" },
  { lemma: "explicar", verbClass: "speech", forms: ["explica", "explican", "explicó", "explicaron", "explicaba", "explicará", "explicado", "explicando"] },
  { lemma: "agregar", verbClass: "speech", forms: ["agrega", "agregan", "agregó", "agregaron", "agregaba", "agregará", "agregado", "agregando"] },
  { lemma: "añadir", verbClass: "speech" },
  { lemma: "advertir", verbClass: "speech", forms: ["advierte", "advierten", "advirtió", "advirtieron", "advertía", "advertirá", "advertido", "advirtiendo"] },
  { lemma: "anunciar", verbClass: "speech" },
  { lemma: "informar", verbClass: "speech" },
  { lemma: "notificar", verbClass: "speech", forms: ["notifica", "notifican", "notificó", "notificaron", "notificaba", "notificará", "notificado", "notificando"] },
  { lemma: "reportar", verbClass: "speech" },
  { lemma: "comunicar", verbClass: "speech" },
  { lemma: "reiterar", verbClass: "speech" },
  { lemma: "reafirmar", verbClass: "speech" },
  { lemma: "ratificar", verbClass: "speech" },
  { lemma: "confirmar", verbClass: "speech" },
  { lemma: "admitir", verbClass: "speech" },
  { lemma: "aclarar", verbClass: "speech" },
  { lemma: "precisar", verbClass: "speech" },
  { lemma: "puntualizar", verbClass: "speech" },
  { lemma: "alertar", verbClass: "speech" },
  { lemma: "lamentar", verbClass: "speech" },
  { lemma: "subrayar", verbClass: "speech" },
  { lemma: "destacar", verbClass: "speech", forms: ["destaca", "destacan", "destacó", "destacaron", "destacaba", "destacará", "destacado", "destacando"] },
  { lemma: "enfatizar", verbClass: "speech", forms: ["enfatiza", "enfatizan", "enfatizó", "enfatizaron", "enfatizaba", "enfatizará", "enfatizado", "enfatizando"] },
  { lemma: "recalcar", verbClass: "speech", forms: ["recalca", "recalcan", "recalcó", "recalcaron", "recalcaba", "recalcará", "recalcado", "recalcando"] },
  { lemma: "escribir", verbClass: "speech", forms: ["escribe", "escriben", "escribió", "escribieron", "escribía", "escribirá", "escrito", "escribiendo"] },
  { lemma: "publicar", verbClass: "speech", forms: ["publica", "publican", "publicó", "publicaron", "publicaba", "publicará", "publicado", "publicando"] },
  { lemma: "trinar", verbClass: "speech" },
  { lemma: "responder", verbClass: "speech" },
  { lemma: "replicar", verbClass: "speech", forms: ["replica", "replican", "replicó", "replicaron", "replicaba", "replicará", "replicado", "replicando"] },
  { lemma: "contestar", verbClass: "speech" },
  { lemma: "reconocer", verbClass: "speech" },
  { lemma: "prometer", verbClass: "speech" },
  { lemma: "amenazar", verbClass: "speech", forms: ["amenaza", "amenazan", "amenazó", "amenazaron", "amenazaba", "amenazará", "amenazado", "amenazando"] },
  { lemma: "negar", verbClass: "speech", forms: ["niega", "niegan", "negó", "negaron", "negaba", "negará", "negado", "negando"] },
  { lemma: "calificar", verbClass: "speech", forms: ["califica", "califican", "calificó", "calificaron", "calificaba", "calificará", "calificado", "calificando"] },
  { lemma: "describir", verbClass: "speech", forms: ["describe", "describen", "describió", "describieron", "describía", "describirá", "descrito", "describiendo"] },
  { lemma: "considerar", verbClass: "speech" },
  { lemma: "plantear", verbClass: "speech" },
  { lemma: "acusar", verbClass: "speech" },
  { lemma: "hablar", verbClass: "speech" },
  // Not "recordar" or "relatar": "recordó que …" and "relató que …" narrate background, often the other government's deeds.
  { lemma: "apuntar", verbClass: "speech" },
  { lemma: "resaltar", verbClass: "speech" },
  { lemma: "mencionar", verbClass: "speech" },
  { lemma: "comentar", verbClass: "speech" },
  { lemma: "detallar", verbClass: "speech" },
  { lemma: "anotar", verbClass: "speech" },
  { lemma: "revelar", verbClass: "speech" },
  { lemma: "sentenciar", verbClass: "speech" },
  { lemma: "concluir", verbClass: "speech", forms: ["concluye", "concluyen", "concluyó", "concluyeron", "concluía", "concluirá", "concluido", "concluyendo"] },
  { lemma: "remarcar", verbClass: "speech", forms: ["remarca", "remarcan", "remarcó", "remarcaron", "remarcaba", "remarcará", "remarcado", "remarcando"] },
  { lemma: "argumentar", verbClass: "speech" },
  { lemma: "presumir", verbClass: "speech" },
  { lemma: "jactar", verbClass: "speech", reflexive: true },
  { lemma: "opinar", verbClass: "speech" },
  { lemma: "estimar", verbClass: "speech" },
  { lemma: "contar", verbClass: "speech", forms: ["cuenta", "cuentan", "contó", "contaron", "contaba", "contará", "contado", "contando"] },
  { lemma: "referir", verbClass: "speech", reflexive: true, forms: ["refiere", "refieren", "refirió", "refirieron", "refería", "referirá", "referido", "refiriendo"] },
  // stance
  { lemma: "querer", verbClass: "stance", forms: ["quiere", "quieren", "quiso", "quisieron", "quería", "querrá", "querido", "queriendo"] },
  { lemma: "buscar", verbClass: "stance", forms: ["busca", "buscan", "buscó", "buscaron", "buscaba", "buscará", "buscado", "buscando"] },
  { lemma: "pretender", verbClass: "stance" },
  { lemma: "impulsar", verbClass: "stance" },
  { lemma: "promover", verbClass: "stance", forms: ["promueve", "promueven", "promovió", "promovieron", "promovía", "promoverá", "promovido", "promoviendo"] },
  { lemma: "pedir", verbClass: "stance", forms: ["pide", "piden", "pidió", "pidieron", "pedía", "pedirá", "pedido", "pidiendo"] },
  { lemma: "exigir", verbClass: "stance" },
  { lemma: "solicitar", verbClass: "stance" },
  { lemma: "reclamar", verbClass: "stance" },
  { lemma: "proponer", verbClass: "stance", forms: ["propone", "proponen", "propuso", "propusieron", "proponía", "propondrá", "propuesto", "proponiendo"] },
  { lemma: "apoyar", verbClass: "stance" },
  { lemma: "respaldar", verbClass: "stance" },
  { lemma: "defender", verbClass: "stance", forms: ["defiende", "defienden", "defendió", "defendieron", "defendía", "defenderá", "defendido", "defendiendo"] },
  { lemma: "presentar", verbClass: "stance" },
  { lemma: "rechazar", verbClass: "stance", forms: ["rechaza", "rechazan", "rechazó", "rechazaron", "rechazaba", "rechazará", "rechazado", "rechazando"] },
  { lemma: "criticar", verbClass: "stance", forms: ["critica", "critican", "criticó", "criticaron", "criticaba", "criticará", "criticado", "criticando"] },
  { lemma: "condenar", verbClass: "stance" },
  { lemma: "denunciar", verbClass: "stance" },
  { lemma: "oponer", verbClass: "stance", reflexive: true, forms: ["opone", "oponen", "opuso", "opusieron", "oponía", "opondrá", "opuesto", "oponiendo"] },
  { lemma: "cuestionar", verbClass: "stance" },
  { lemma: "reprochar", verbClass: "stance" },
  { lemma: "exhortar", verbClass: "stance" },
  { lemma: "condicionar", verbClass: "stance" },
  { lemma: "descartar", verbClass: "stance" },
  { lemma: "celebrar", verbClass: "stance" },
  { lemma: "valorar", verbClass: "stance" },
  { lemma: "agradecer", verbClass: "stance" },
  { lemma: "aplaudir", verbClass: "stance" },
  { lemma: "deplorar", verbClass: "stance" },
  { lemma: "repudiar", verbClass: "stance" },
  { lemma: "instar", verbClass: "stance" },
  { lemma: "urgir", verbClass: "stance" },
  { lemma: "abogar", verbClass: "stance", forms: ["aboga", "abogan", "abogó", "abogaron", "abogaba", "abogará", "abogado", "abogando"] },
  { lemma: "priorizar", verbClass: "stance", forms: ["prioriza", "priorizan", "priorizó", "priorizaron", "priorizaba", "priorizará", "priorizado", "priorizando"] },
  { lemma: "ofrecer", verbClass: "stance" },
  { lemma: "aceptar", verbClass: "stance" },
  { lemma: "negarse", verbClass: "stance", reflexive: true, forms: ["niega", "niegan", "negó", "negaron", "negaba", "negará", "negado", "negando"] },
  // action
  { lemma: "deportar", verbClass: "action" },
  { lemma: "extraditar", verbClass: "action" },
  // "entregó a Estados Unidos a un capo", "entregó una nota de protesta": a handover is a deed.
  { lemma: "entregar", verbClass: "action", forms: ["entrega", "entregan", "entregó", "entregaron", "entregaba", "entregará", "entregado", "entregando"] },
  { lemma: "adjudicar", verbClass: "action", forms: ["adjudica", "adjudican", "adjudicó", "adjudicaron", "adjudicaba", "adjudicará", "adjudicado", "adjudicando"] },
  { lemma: "suspender", verbClass: "action" },
  { lemma: "descertificar", verbClass: "action", forms: ["descertifica", "descertifican", "descertificó", "descertificaron", "descertificaba", "descertificará", "descertificado", "descertificando"] },
  { lemma: "imponer", verbClass: "action", forms: ["impone", "imponen", "impuso", "impusieron", "imponía", "impondrá", "impuesto", "imponiendo"] },
  { lemma: "sancionar", verbClass: "action" },
  { lemma: "prohibir", verbClass: "action", forms: ["prohíbe", "prohíben", "prohibió", "prohibieron", "prohibía", "prohibirá", "prohibido", "prohibiendo"] },
  { lemma: "bloquear", verbClass: "action" },
  { lemma: "impedir", verbClass: "action", forms: ["impide", "impiden", "impidió", "impidieron", "impedía", "impedirá", "impedido", "impidiendo"] },
  { lemma: "retirar", verbClass: "action" },
  { lemma: "revocar", verbClass: "action", forms: ["revoca", "revocan", "revocó", "revocaron", "revocaba", "revocará", "revocado", "revocando"] },
  { lemma: "expulsar", verbClass: "action" },
  { lemma: "ordenar", verbClass: "action" },
  { lemma: "firmar", verbClass: "action" },
  { lemma: "aprobar", verbClass: "action", forms: ["aprueba", "aprueban", "aprobó", "aprobaron", "aprobaba", "aprobará", "aprobado", "aprobando"] },
  { lemma: "reanudar", verbClass: "action" },
  { lemma: "restablecer", verbClass: "action" },
  { lemma: "cancelar", verbClass: "action" },
  { lemma: "congelar", verbClass: "action" },
  { lemma: "recortar", verbClass: "action" },
  { lemma: "duplicar", verbClass: "action", forms: ["duplica", "duplican", "duplicó", "duplicaron", "duplicaba", "duplicará", "duplicado", "duplicando"] },
  { lemma: "triplicar", verbClass: "action", forms: ["triplica", "triplican", "triplicó", "triplicaron", "triplicaba", "triplicará", "triplicado", "triplicando"] },
  { lemma: "aumentar", verbClass: "action" },
  { lemma: "reducir", verbClass: "action", forms: ["reduce", "reducen", "redujo", "redujeron", "reducía", "reducirá", "reducido", "reduciendo"] },
  { lemma: "reforzar", verbClass: "action", forms: ["refuerza", "refuerzan", "reforzó", "reforzaron", "reforzaba", "reforzará", "reforzado", "reforzando"] },
  { lemma: "intensificar", verbClass: "action", forms: ["intensifica", "intensifican", "intensificó", "intensificaron", "intensificaba", "intensificará", "intensificado", "intensificando"] },
  { lemma: "redoblar", verbClass: "action" },
  { lemma: "autorizar", verbClass: "action", forms: ["autoriza", "autorizan", "autorizó", "autorizaron", "autorizaba", "autorizará", "autorizado", "autorizando"] },
  { lemma: "fumigar", verbClass: "action", forms: ["fumiga", "fumigan", "fumigó", "fumigaron", "fumigaba", "fumigará", "fumigado", "fumigando"] },
  { lemma: "erradicar", verbClass: "action", forms: ["erradica", "erradican", "erradicó", "erradicaron", "erradicaba", "erradicará", "erradicado", "erradicando"] },
  { lemma: "bombardear", verbClass: "action" },
  { lemma: "atacar", verbClass: "action", forms: ["ataca", "atacan", "atacó", "atacaron", "atacaba", "atacará", "atacado", "atacando"] },
  { lemma: "levantar", verbClass: "action" },
  { lemma: "flexibilizar", verbClass: "action", forms: ["flexibiliza", "flexibilizan", "flexibilizó", "flexibilizaron", "flexibilizaba", "flexibilizará", "flexibilizado", "flexibilizando"] },
  { lemma: "endurecer", verbClass: "action", forms: ["endurece", "endurecen", "endureció", "endurecieron", "endurecía", "endurecerá", "endurecido", "endureciendo"] },
  { lemma: "desplegar", verbClass: "action", forms: ["despliega", "despliegan", "desplegó", "desplegaron", "desplegaba", "desplegará", "desplegado", "desplegando"] },
  { lemma: "destruir", verbClass: "action", forms: ["destruye", "destruyen", "destruyó", "destruyeron", "destruía", "destruirá", "destruido", "destruyendo"] },
  { lemma: "incautar", verbClass: "action" },
  { lemma: "decomisar", verbClass: "action" },
  { lemma: "interceptar", verbClass: "action" },
  { lemma: "capturar", verbClass: "action" },
  { lemma: "arrestar", verbClass: "action" },
  { lemma: "certificar", verbClass: "action" },
  { lemma: "acordar", verbClass: "action", forms: ["acuerda", "acuerdan", "acordó", "acordaron", "acordaba", "acordará", "acordado", "acordando"] },
  { lemma: "detener", verbClass: "action", forms: ["detiene", "detienen", "detuvo", "detuvieron", "detenía", "detendrá", "detenido", "deteniendo"] },
  { lemma: "convocar", verbClass: "action", forms: ["convoca", "convocan", "convocó", "convocaron", "convocaba", "convocará", "convocado", "convocando"] },
  { lemma: "cerrar", verbClass: "action", forms: ["cierra", "cierran", "cerró", "cerraron", "cerraba", "cerrará", "cerrado", "cerrando"] },
  { lemma: "cortar", verbClass: "action" },
  { lemma: "financiar", verbClass: "action" },
  { lemma: "pagar", verbClass: "action" },
  { lemma: "abrir", verbClass: "action", forms: ["abre", "abren", "abrió", "abrieron", "abría", "abrirá", "abierto", "abriendo"] },
  { lemma: "reabrir", verbClass: "action", forms: ["reabre", "reabren", "reabrió", "reabrieron", "reabría", "reabrirá", "reabierto", "reabriendo"] },
  { lemma: "lanzar", verbClass: "action", forms: ["lanza", "lanzan", "lanzó", "lanzaron", "lanzaba", "lanzará", "lanzado", "lanzando"] },
  { lemma: "implementar", verbClass: "action" },
  { lemma: "renovar", verbClass: "action", forms: ["renueva", "renuevan", "renovó", "renovaron", "renovaba", "renovará", "renovado", "renovando"] },
  { lemma: "conceder", verbClass: "action" },
  { lemma: "designar", verbClass: "action" },
  { lemma: "desmantelar", verbClass: "action" },
  { lemma: "restringir", verbClass: "action" },
  { lemma: "enviar", verbClass: "action", forms: ["envía", "envían", "envió", "enviaron", "enviaba", "enviará", "enviado", "enviando"] },
  { lemma: "devolver", verbClass: "action", forms: ["devuelve", "devuelven", "devolvió", "devolvieron", "devolvía", "devolverá", "devuelto", "devolviendo"] },
  { lemma: "recibir", verbClass: "action" },
  { lemma: "hundir", verbClass: "action" },
  { lemma: "mantener", verbClass: "action", forms: ["mantiene", "mantienen", "mantuvo", "mantuvieron", "mantenía", "mantendrá", "mantenido", "manteniendo"] },
  { lemma: "ampliar", verbClass: "action", forms: ["amplía", "amplían", "amplió", "ampliaron", "ampliaba", "ampliará", "ampliado", "ampliando"] },
  { lemma: "otorgar", verbClass: "action", forms: ["otorga", "otorgan", "otorgó", "otorgaron", "otorgaba", "otorgará", "otorgado", "otorgando"] },
];

/** Regular Spanish third-person forms: present sg/pl, preterite sg/pl, imperfect sg, future sg, participle, gerund, then the rest. */
function conjugateSpanish(lemma: string): string[] {
  const stem = lemma.slice(0, -2);
  const ending = lemma.slice(-2);
  // Then the forms reported speech and subordinate clauses use: future plural, conditional, past subjunctive ("tras que Washington anunciara").
  if (ending === "ar")
    return [
      `${stem}a`,
      `${stem}an`,
      `${stem}ó`,
      `${stem}aron`,
      `${stem}aba`,
      `${lemma}á`,
      `${stem}ado`,
      `${stem}ando`,
      `${lemma}án`,
      `${lemma}ía`,
      `${lemma}ían`,
      `${stem}ara`,
      `${stem}aran`,
    ];
  return [
    `${stem}e`,
    `${stem}en`,
    `${stem}ió`,
    `${stem}ieron`,
    `${stem}ía`,
    `${lemma}á`,
    `${stem}ido`,
    `${stem}iendo`,
    `${lemma}án`,
    `${lemma}ía`,
    `${lemma}ían`,
    `${stem}iera`,
    `${stem}ieran`,
  ];
}

function englishForms(verb: EnglishVerb): VerbForm[] {
  const [third, past, pastParticiple, gerund] = verb.forms ?? inflectEnglish(verb.lemma);
  const base = { lemma: verb.lemma, verbClass: verb.verbClass, lang: "en" as const, particle: verb.particle };
  return [
    ...(verb.pastOnly
      ? verb.headline
        ? [{ ...base, form: third, participle: false, pastParticiple: false }]
        : []
      : [
          { ...base, form: verb.lemma, participle: false, pastParticiple: false },
          { ...base, form: third, participle: false, pastParticiple: false },
        ]),
    { ...base, form: past, participle: false, pastParticiple: past === pastParticiple },
    ...(pastParticiple !== past ? [{ ...base, form: pastParticiple, participle: false, pastParticiple: true }] : []),
    { ...base, form: gerund, participle: true, pastParticiple: false },
  ];
}

function spanishForms(verb: SpanishVerb): VerbForm[] {
  const forms = verb.forms ?? conjugateSpanish(verb.lemma);
  const base = { lemma: verb.lemma, verbClass: verb.verbClass, lang: "es" as const };
  const all = forms.map((form, i) => ({ ...base, form, participle: i === 7, pastParticiple: i === 6 }));
  // A passive deed's participle agrees with its patient: "fueron deportados", "fueron impuestas por". Only deeds: a
  // speech or stance participle in the feminine is often a noun ("la propuesta", "la respuesta").
  const participle = verb.verbClass === "action" ? forms[6] : undefined;
  const agreeing = participle && /o$/.test(participle) ? ["a", "os", "as"].map((ending) => ({ ...base, form: `${participle.slice(0, -1)}${ending}`, participle: false, pastParticiple: true })) : [];
  return [...all, ...agreeing];
}

/**
 * Every form in lower case. Spanish forms keep their accents: in Spanish the accent is what tells
 * the verb from the noun ("anunció" / "el anuncio", "apoyó" / "el apoyo").
 */
export const VERB_FORMS: VerbForm[] = [...EN.flatMap(englishForms), ...ES.flatMap(spanishForms)];

/** Pronominal Spanish verbs, whose finite forms follow "se" ("se opone", "se negó"). */
export const REFLEXIVE_LEMMAS = new Set(ES.filter((v) => v.reflexive).map((v) => v.lemma));
