import type en from "../messages/en.json";
import type { routing } from "./routing";

// Keys and locales are checked by tsc: a t("…") call naming a key that en.json lacks does not compile.
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof en;
  }
}
