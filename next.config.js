import createNextIntlPlugin from "next-intl/plugin";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
};

// Points next-intl at the request configuration: the locale from the URL and its messages.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
