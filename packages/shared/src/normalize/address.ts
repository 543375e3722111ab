/**
 * Postal address normalisation after USPS Publication 28.
 * (Placeholder implementation; the full Appendix C1 table arrives with the address module.)
 */
export interface PostalAddress {
  line1: string;
  line2?: string | null;
  city: string;
  state: string;
  zip: string;
}

export interface NormalizedAddress {
  /** Street part: "1200 N MAIN ST APT 4B". */
  street: string;
  /** The whole key that identifies one delivery point: "1200 N MAIN ST APT 4B|SPRINGFIELD|IL|62701". */
  key: string;
  zip5: string;
}

export function normalizeStreet(line1: string, line2?: string | null): string {
  return [line1, line2 ?? ""]
    .join(" ")
    .toUpperCase()
    .replace(/[^\w\s#]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function normalizeAddress(address: PostalAddress): NormalizedAddress {
  const zip5 = address.zip.trim().slice(0, 5);
  const street = normalizeStreet(address.line1, address.line2);
  const city = address.city
    .toUpperCase()
    .replace(/[^\w\s]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const state = address.state.toUpperCase().trim();
  return { street, key: `${street}|${city}|${state}|${zip5}`, zip5 };
}
