/** The two languages every user-facing message exists in. Vietnamese is the default. */
export type Lang = "vi" | "en";

export interface Message {
  vi: string;
  en: string;
}

/** A catalogue maps a stable code (e.g. `cccd.province_unknown`) to its texts. `{name}` placeholders are filled from params. */
export type Catalogue = Readonly<Record<string, Message>>;

export type MessageParams = Readonly<Record<string, string | number>>;
