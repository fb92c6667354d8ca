import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { listActors } from "@/db/queries";
import type { ActorKey, ActorNames } from "../_components/series";
import { createFormat, type Format } from "./format";
import { inLocale } from "./locale";

/** The reader's number and date formats, for async pages. */
export async function getFormat(): Promise<Format> {
  const locale = await getLocale();
  const t = await getTranslations("format");
  return createFormat(locale, { notScored: t("notScored"), never: t("never") });
}

/** The two governments' names in the reader's language, from the codebook (its `labelEs` on Spanish pages). */
export async function getActorNames(): Promise<ActorNames> {
  const locale = await getLocale();
  const actors = listActors();
  const name = (id: ActorKey) => {
    const actor = actors.find((a) => a.id === id);
    return actor ? inLocale(locale, actor.label, actor.labelEs) : id;
  };
  return { us: name("us"), co: name("co") };
}

/** Names a document by its title, or by its file name marked as untitled in the reader's language. */
export async function getDocumentLabel(): Promise<(doc: { slug: string; title: string | null }) => string> {
  const t = await getTranslations("document");
  return (doc) => doc.title ?? t("untitled", { slug: doc.slug });
}
