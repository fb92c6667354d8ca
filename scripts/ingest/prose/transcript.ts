/**
 * The shapes of transcripts and interviews: a speaker label that opens a paragraph ("**ORTIZ:**", "MS BRUCE:", "R:"),
 * a dialogue dash that answers a dashed question ("—¿Y Venezuela?" / "—Seguiremos …"), and a credit line that names
 * who speaks ("Tammy Bruce, Department Spokesperson").
 */

// A broadcast transcript may put a stage direction before the label: "(SONIDO) Ministro de Defensa: «…»", "[VIDEO] …".
const SPEAKER_LABEL = /^\s*(?:[([][\p{L}\s]{2,25}[)\]]\s*)?(?:\*\*|__)?\s*([\p{L}][\p{L}\s.’'-]{0,40}?)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:)\s+/u;
/** Labels of an interview's answers: "R:", "A:", "Respuesta:". */
const ANSWER_LABELS = new Set(["r", "a", "resp", "respuesta", "answer"]);
/** Labels of the interviewer's turns, whose words are read as any sentence's. */
const QUESTION_LABELS = new Set(["p", "q", "pregunta", "question", "entrevistador", "entrevistadora", "interviewer", "periodista", "reporter"]);
const DASH_QUESTION = /^\s*[—–]\s*¿/u;
/** A dialogue dash that opens an answer; the dash stands where a label would. */
const DASH_ANSWER = /^\s*([—–])\s*(?!¿)/u;
/** A paragraph that is only a name and an office: "Tammy Bruce, Department Spokesperson". */
const CREDIT_LINE = /^\s*\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'.-]+){1,3}\s*,\s*[^,.;:!?“”"«»\d]{3,80}$/u;

export interface SpeakerLabel {
  /** The label as written ("MS BRUCE", "R", "—"). */
  name: string;
  nameStart: number;
  /** Where the turn's words start, after the label. */
  bodyStart: number;
  /** `speaker`: a named speaker; `answer`: the interviewee, whoever the text has been about; `question`: the interviewer. */
  role: "speaker" | "answer" | "question";
}

/** The label that opens a paragraph, if any; `afterDashQuestion`: the paragraph before asked in dialogue dashes. */
export function speakerLabel(plain: string, afterDashQuestion: boolean): SpeakerLabel | null {
  const dash = afterDashQuestion ? DASH_ANSWER.exec(plain) : null;
  const label = SPEAKER_LABEL.exec(plain) ?? dash;
  if (!label) return null;
  const name = label[1] as string;
  const key = name.trim().toLowerCase();
  const role = dash !== null || ANSWER_LABELS.has(key) ? "answer" : QUESTION_LABELS.has(key) ? "question" : "speaker";
  return { name, nameStart: label.index + label[0].indexOf(name), bodyStart: label[0].length, role };
}

/** "—¿Y Venezuela?": an interviewer's question in dialogue dashes, which the next dashed paragraph answers. */
export const isDashQuestion = (plain: string): boolean => DASH_QUESTION.test(plain);

/** A paragraph that only credits a speaker with an office, as a transcript's header does. */
// A title is a few words; "In Tumaco, fishermen stay ashore as Washington vows …" is a headline with a place.
export const isCreditLine = (plain: string): boolean =>
  CREDIT_LINE.test(plain) && !PLACE_OPENER.test(plain) && (plain.split(",")[1] ?? "").trim().split(/\s+/).length <= 6;

/** A line that opens with a preposition names a place or a time, not a speaker. */
const PLACE_OPENER = /^\s*(?:in|at|on|from|for|after|before|since|en|desde|tras|durante|para)\s/i;
