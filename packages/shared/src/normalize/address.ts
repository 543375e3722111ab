/**
 * Postal address normalisation after USPS Publication 28, for finding accounts of one person at
 * one delivery point: "1200 N Main Street, Apt 4B" and "1200 North Main St #4B" in Springfield, IL
 * 62701-1234 both give the key "1200 N MAIN ST APT 4B|SPRINGFIELD|IL|62701".
 *
 * Upper case, accents and punctuation dropped, white space collapsed; street suffixes and
 * directionals abbreviated; secondary units (APARTMENT → APT, `#` → APT, SUITE → STE …) written at
 * the end of the street, whether they came after a comma in the first line or in the second;
 * ZIP+4 reduced to ZIP 5; the state as its two-letter code.
 */

import { normalizeCity, normalizeState, normalizeZip5, stripPlace } from "./address-place.ts";
import { streetFromParts } from "./address-street.ts";
import { addressParts } from "./address-text.ts";

export { normalizeCity, normalizeState, normalizeZip5 } from "./address-place.ts";

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

/** The street part of an address: "1200 N Main Street" and "Apt 4B" → "1200 N MAIN ST APT 4B". */
export function normalizeStreet(line1: string, line2?: string | null): string {
  return streetFromParts([...addressParts(line1), ...addressParts(line2)]);
}

/**
 * The normalised street, the key of the delivery point and the ZIP 5. City, state and ZIP code
 * typed again at the end of a street line are left out of the street.
 */
export function normalizeAddress(address: PostalAddress): NormalizedAddress {
  const zip5 = normalizeZip5(address.zip);
  const city = normalizeCity(address.city);
  const state = normalizeState(address.state);
  const place = { city: city ? city.split(" ") : [], state, zip5 };
  let street = streetFromParts([
    ...stripPlace(addressParts(address.line1), place),
    ...stripPlace(addressParts(address.line2), place),
  ]);
  // The street put together from two lines can end in the city or state ("IL" on the first line,
  // "100 Springfield" on the second): read it again until nothing more comes off, so that the key
  // of a normalised address is the key itself.
  for (let round = 0; round < 3; round += 1) {
    const again = streetFromParts(stripPlace(addressParts(street), place));
    if (again === street) break;
    street = again;
  }
  return { street, key: `${street}|${city}|${state}|${zip5}`, zip5 };
}
