import { normalizePhone } from "@khaibao/shared";
import type { FieldCipher } from "../privacy";
import type { SealedContact } from "./repository";

/** Blind-index kinds of the inbox's contact fields (the declarations use "id"). */
export const CONTACT_NAME_INDEX = "contact_name";
export const PHONE_INDEX = "phone";

/** What a name search hashes: lower case, no diacritics (đ -> d), single spaces. "Nguyễn  Văn An" = "nguyen van an". */
export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Phones are indexed in E.164 form, so "0912 345 678" and "+84912345678" find the same person. */
export function phoneIndexOf(cipher: FieldCipher, phone: string): string | undefined {
  const n = normalizePhone(phone);
  return n.ok ? cipher.blindIndex(PHONE_INDEX, n.e164) : undefined;
}

export function nameIndexOf(cipher: FieldCipher, name: string): string | undefined {
  const folded = foldName(name);
  return folded === "" ? undefined : cipher.blindIndex(CONTACT_NAME_INDEX, folded);
}

/** The name and phone a citizen shared (`user_submit_info`), sealed with their blind indexes. */
export function sealContact(cipher: FieldCipher, info: { name?: string | undefined; phone?: string | undefined }): SealedContact {
  const name = info.name?.trim() ? info.name.trim() : undefined;
  const phone = info.phone?.trim() ? normalizePhone(info.phone) : undefined;
  return {
    nameSealed: name ? cipher.seal(name) : null,
    nameIndex: name ? (nameIndexOf(cipher, name) ?? null) : null,
    phoneSealed: phone?.ok ? cipher.seal(phone.e164) : null,
    phoneIndex: phone?.ok ? cipher.blindIndex(PHONE_INDEX, phone.e164) : null,
  };
}
