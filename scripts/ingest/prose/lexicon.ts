/**
 * Closed-class words the attribution rules read, English and Spanish, folded (lower case, no
 * accents). Grammar only: the actors and issues come from the codebook.
 */
const words = (list: string) => new Set(list.trim().split(/\s+/));

/** Between a subject and its verb: auxiliaries, modals, negation and adverbs ("has also sharply criticized"). */
export const SKIPPABLE = words(`
  has have had is are was were be been being will shall did does do
  also still now again once then later last already even just too first initially repeatedly publicly
  reportedly previously recently since often never not n't meanwhile again further immediately
  nonetheless nevertheless however instead therefore thus subsequently separately quickly swiftly formally officially
  didn't doesn't don't hasn't haven't hadn't isn't wasn't won't
  ha han habia habian habra fue fueron era es son esta estan estaba estaban sera
  tambien ya luego nuevamente ademas todavia aun incluso nunca no asimismo hoy ayer
  se lo le les me nos la las los
`);

/** Forms of "to be" that make a past participle passive ("was deported", "fue deportado"). */
export const BE_FORMS = words(`is are was were be been being fue fueron es son sido era eran sera seran`);

/** Before the verb, these turn a statement into someone else's guess about the holder. */
export const HEDGES = words(`
  likely unlikely expected could might may would should must probably possibly
  couldn't wouldn't shouldn't
  podria podrian pudiera deberia deberian debe deben probablemente posiblemente
`);

/** Words that end the noun phrase of a subject when reading to the left of a verb. */
export const CLAUSE_WORDS = words(`
  that which who whom whose and but or nor when while whereas after before because since as if unless
  although though where whether so than then once until
  que quien quienes cual cuales y e o u pero sino cuando mientras tras antes despues porque aunque si donde como
`);

/** Prepositions that open an adverbial phrase at the start of a sentence ("In January, …", "Despite …,", "Tras …,"). */
export const ADVERBIAL_OPENERS = words(`
  in on at after before during despite following amid since under over for with without by from to
  en tras durante pese ante desde bajo para con sin segun luego antes
`);

/** Conditionals and subordinators whose clause states no position ("if Petro stuck to …", "si Petro …"). */
export const CONDITIONALS = words(`if unless whether si`);

/** Coordinators that start an independent clause with its own subject ("…, and Petro prohibited …"). */
export const COORDINATORS = words(`and but while whereas yet y e pero mientras aunque sino`);

/** A government's texts, which speak in its name ("the report said", "el comunicado señala"). */
export const DOCUMENT_NOUNS = words(`report statement memo memorandum letter communique note decree resolution readout informe comunicado documento carta misiva decreto resolucion`);

/** Speeches and posts, which a relative clause can report from like a text ("un discurso en el que pidió …"). */
export const SPEECH_NOUNS = words(`declaracion mensaje trino publicacion evaluacion nota memorando discurso entrevista video alocucion pronunciamiento intervencion`);

/** Personal pronouns as written, accents kept: "él" is a pronoun, "El" the article that opens "El encargado de negocios". */
export const PERSONAL_PRONOUNS = words(`he she él ella`);

/** Role nouns: with an actor's demonym or name they make a holder ("Colombian officials", "el canciller colombiano"). */
export const ROLE_NOUNS = words(`
  president presidents leader leaders government governments administration administrations official officials
  minister ministers ministry ministries secretary secretaries spokesperson spokespeople spokesman spokeswoman
  ambassador ambassadors embassy envoy envoys delegation delegations negotiator negotiators authorities
  department cabinet aide aides adviser advisers advisor advisors office team chancellor foreign
  diplomat diplomats policymakers officer officers counterpart counterparts
  presidente presidenta mandatario mandataria gobierno gobiernos administracion canciller cancilleria
  ministro ministra ministros ministerio secretario secretaria portavoz vocero vocera voceros
  embajador embajadora embajada enviado enviada delegacion delegado delegada negociador negociadora negociadores
  autoridades funcionario funcionaria funcionarios funcionarias diplomatico diplomatica diplomaticos
  gabinete asesor asesores asesora equipo jefe jefa viceministro viceministra vicecanciller cartera encargado encargada
  homologo homologa homologos homologas
`);

/** Offices of a government, as opposed to generic roles: with no country named they are the home government's. */
export const GOVERNMENT_OFFICES = words(`
  minister ministry secretary chancellor viceminister spokesperson spokesman spokeswoman ambassador embassy
  ministro ministra ministerio viceministro viceministra canciller cancilleria vicecanciller secretario secretaria
  portavoz vocero vocera embajador embajadora embajada cartera
  army navy police military armada ejercito policia
`);

/** Nouns a demonym makes a holder of besides the role nouns: the forces ("Colombian troops", "militares estadounidenses"). */
export const FORCE_NOUNS = words(`forces troops soldiers navy army police military marines fuerzas tropas soldados militares armada ejercito policia`);

/** Heads that make a singular person: they can be the antecedent of "he"/"she". */
export const PERSON_ROLES = words(`
  president leader minister secretary spokesperson spokesman spokeswoman ambassador envoy aide adviser advisor chancellor officer head director commander
  presidente presidenta mandatario mandataria canciller ministro ministra secretario secretaria portavoz vocero vocera
  embajador embajadora enviado enviada asesor asesora jefe jefa funcionario funcionaria diplomatico diplomatica
  delegado delegada negociador negociadora
  counterpart homologo homologa
`);

/** "Petro's counterpart", "el homólogo de Petro": the person of the other government. */
export const COUNTERPART_NOUNS = words(`counterpart counterparts homologo homologa homologos homologas`);

/** Definite descriptions that point back to a person already named ("the president", "el mandatario"). */
export const ANAPHORIC_PERSON_HEADS = words(`
  president leader minister secretary chancellor head mandatario mandataria presidente presidenta canciller ministro ministra jefe jefa
  viceministro viceministra vicecanciller spokesperson spokesman spokeswoman ambassador envoy aide adviser advisor
  portavoz vocero vocera embajador embajadora enviado asesor asesora
`);

/**
 * The offices a definite description names, by kind: "the president" and "el mandatario" point back to a
 * head of state or government, "the minister" and "la canciller" to a minister; never to "the senator".
 */
export const HEAD_OF_STATE_ROLES = words(`president presidente presidenta mandatario mandataria leader head jefe jefa`);
export const MINISTER_ROLES = words(`
  minister secretary chancellor ministro ministra canciller vicecanciller viceministro viceministra secretario secretaria
`);

/**
 * Nouns that name a position or a deed, so that a holder's one states it: "Washington's insistence
 * on extradition", "Trump's threat of tariffs", "la apuesta de Petro por la sustitución".
 */
export const STANCE_NOUNS = words(`
  emphasis focus insistence push demand demands call calls decision refusal rejection opposition support proposal
  plan plans offer threat threats pledge promise commitment approach strategy stance position priority bid effort
  efforts campaign ban order request warning crackdown view argument line message
  apuesta enfasis insistencia exigencia exigencias llamado decision negativa rechazo oposicion apoyo propuesta plan
  oferta amenaza amenazas promesa compromiso estrategia postura posicion prioridad intento esfuerzo campana
  prohibicion orden peticion solicitud advertencia tesis argumento mensaje
`);

/** Common first names, folded, English and Spanish: a named person's gender for "she"/"he" before any pronoun has pointed to them. */
export const FEMALE_NAMES = words(`
  mary maria ana anna laura rosa francia kristi kristen karen susan linda patricia barbara elizabeth jennifer jessica sarah
  emily hillary nancy kamala tulsi pam pamela kelly karoline kathleen catherine katherine margaret michelle samantha
  nikki marcela carolina claudia sandra martha marta paula paola adriana angela diana gloria beatriz lucia luisa juliana
  daniela natalia andrea alejandra camila valentina veronica monica isabel elena carmen teresa irene susana silvia
  delcy maria-corina corina viviane vivian ines clara sofia
`);
export const MALE_NAMES = words(`
  donald joe joseph john james robert michael william david richard thomas charles christopher chris mark marco marcos
  pete peter paul steven stephen kevin brian george mike mitch ted tom tim timothy scott jd j.d. hunter eric rick
  gustavo armando daniel juan carlos pedro luis jose jorge alvaro andres diego fernando francisco javier manuel miguel
  nicolas ricardo rafael sergio alejandro antonio eduardo enrique felipe gabriel hugo ivan julio mauricio oscar
  pablo roberto santiago camilo cesar edgar hector jaime raul rodrigo ruben victor alberto alfonso benjamin
`);

/** Nouns of a government's deed: with the government as their modifier they are its action ("U.S. strikes", "los bombardeos estadounidenses"). */
export const EVENT_NOUNS = words(`
  raid raids strike strikes airstrike airstrikes attack attacks bombing bombings bombardment bombardments operation operations
  invasion incursion incursions deployment deployments blockade sanctions tariffs deportations flights
  ataque ataques bombardeo bombardeos operacion operaciones invasion incursion incursiones despliegue bloqueo sanciones
  aranceles deportaciones vuelos redadas capture captura
`);

/** Before an event noun, these make it a possibility, not a deed ("a possible U.S. strike", "cualquier operación"). */
export const HYPOTHETICAL = words(`possible potential any future threatened planned proposed eventual posible posibles cualquier futura futuro futuras amenaza`);

/** Holders that are never a government: third parties whose views are not the actors' positions. */
export const THIRD_PARTY_NOUNS = words(`
  analyst analysts expert experts lawmaker lawmakers legislator legislators senator senators congressman congresswoman
  congressmen congresswomen congress senate representative representatives democrats republicans opposition critic critics
  observer observers scholar scholars researcher researchers professor fellow academic academics activist activists
  ngo ngos group groups organization organizations residents farmers growers voters protesters crowd crowds
  source sources people investors markets economists commentators candidate candidates rebels guerrillas
  analista analistas experto expertos experta congresista congresistas senador senadora senadores representante
  opositor opositores oposicion critico criticos observador observadores academico academicos investigador investigadora
  activista activistas ong organizacion organizaciones campesinos cultivadores votantes manifestantes fuente fuentes
  economistas candidato candidata candidatos rebeldes guerrilla
  reporter reporters journalist journalists interviewer moderator host
  periodista periodistas entrevistador entrevistadora moderador moderadora
  ombudsman ombudsperson court courts judge judges governor governors mayor mayors
  defensor defensora defensoria procurador procuradora procuraduria contralor contralora contraloria corte cortes juez jueza
  gobernador gobernadora gobernadores alcalde alcaldesa alcaldes congreso senado
`);

/**
 * Third parties that a country only modifies ("U.S. senators", "Colombia's ombudsman", "the U.S. Congress"): its
 * lawmakers, courts, control bodies, regional governments and critics are not its government.
 */
export const MODIFIED_THIRD_PARTIES = words(`
  senator senators lawmaker lawmakers legislator legislators congressman congresswoman congressmen congresswomen
  congress senate court courts judge judges ombudsman ombudsperson governor governors mayor mayors critic critics
  senador senadora senadores congresista congresistas congreso senado corte cortes juez jueza defensor defensora
  defensoria procurador procuradora procuraduria contralor contralora contraloria gobernador gobernadora gobernadores
  alcalde alcaldesa alcaldes critico criticos
`);

/** Quantifiers that make a phrase an unnamed group, never the government ("some in Washington", "algunos en Bogotá"). */
export const QUANTIFIERS = words(`some many few several others most algunos algunas muchos muchas otros otras varios varias pocos`);

/** "former"/"ex-": a past office holder does not speak for the government. */
export const FORMER = words(`former ex expresidente expresidenta excanciller exministro exministra antiguo antigua`);

/** Demonyms and country names that mark a third country's holder ("Mexican President …", "el canciller venezolano"). */
export const OTHER_COUNTRIES = words(`
  mexican mexico venezuelan venezuela ecuadorian ecuador brazilian brazil chilean chile argentine argentinian argentina
  cuban cuba panamanian panama peruvian peru canadian canada chinese china russian russia european europe eu spanish spain
  british britain uk french france german germany ukrainian ukraine israeli israel honduran honduras guatemalan guatemala
  salvadoran nicaraguan nicaragua bolivian bolivia haitian haiti dominican onu
  mexicano mexicana venezolano venezolana venezolanos ecuatoriano ecuatoriana brasileno brasilena chileno chilena argentino
  argentina cubano cubana panameno panamena peruano peruana canadiense chino china ruso rusa europeo europea espanol espanola
  britanico britanica frances francesa aleman alemana ucraniano ucraniana israeli hondureno guatemalteco salvadoreno
  nicaraguense boliviano boliviana haitiano dominicano
`);

/** Prepositions after which an actor is the other side, not the holder ("ambassador to the U.S.", "ante Washington"). */
export const FACING_PREPOSITIONS = words(`to toward towards against with on over about at ante hacia contra con sobre frente`);

/** Prepositions that attach an actor to the holder ("officials in Bogotá", "the president of Colombia", "el canciller de Colombia"). */
export const BELONGING_PREPOSITIONS = words(`of in from de del en desde`);

/** Opening a parenthetical between subject and verb: ", meanwhile," ", who …," ", por su parte,". */
export const PARENTHETICAL_OPENERS = words(`
  meanwhile however though too also in for who whose which a an the whom
  quien quienes que por sin ademas a un una el la
`);

/**
 * Object pronouns after "call"/"describe"/"accuse": the sentence attacks a person, not a policy. English only: after a
 * Spanish verb "la"/"lo" are articles ("advirtió la semana pasada que …"); Spanish object pronouns come before the verb.
 */
export const PERSON_OBJECTS = words(`him her them himself herself`);
