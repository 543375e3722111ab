import { describe, expect, it } from "vitest";
import { normalizeAddress, normalizeCity, normalizeState, normalizeStreet, normalizeZip5 } from "./address.ts";

const SPRINGFIELD = { city: "Springfield", state: "IL", zip: "62701" };
const ANA_SILVA_KEY = "1200 N MAIN ST APT 4B|SPRINGFIELD|IL|62701";

describe("normalizeAddress: one delivery point written three ways", () => {
  it("gives Ana Silva's two accounts the same key", () => {
    const first = normalizeAddress({ line1: "1200 N Main Street", line2: "Apt 4B", ...SPRINGFIELD });
    const second = normalizeAddress({ line1: "1200 North Main St #4B", ...SPRINGFIELD, zip: "62701-1234" });
    expect(first).toEqual({ street: "1200 N MAIN ST APT 4B", key: ANA_SILVA_KEY, zip5: "62701" });
    expect(second).toEqual(first);
  });

  it("reads the unit after a comma in the first line", () => {
    expect(normalizeAddress({ line1: "1200 N Main Street, Apt 4B", ...SPRINGFIELD }).key).toBe(ANA_SILVA_KEY);
    expect(normalizeAddress({ line1: "1200 N Main Street, Apt 4B", line2: null, ...SPRINGFIELD }).key).toBe(
      ANA_SILVA_KEY,
    );
  });

  it.each([
    "1200 N Main Street, Apt 4B, Springfield, IL 62701",
    "1200 N Main Street, Apt 4B, Springfield, Illinois 62701-1234, USA",
    "1200 N Main St Apt 4B Springfield IL 62701",
    "1200 N. Main St. #4B\nSpringfield, IL 62701",
  ])("leaves out city, state and ZIP code typed into the first line: %j", (line1) => {
    expect(normalizeAddress({ line1, ...SPRINGFIELD }).key).toBe(ANA_SILVA_KEY);
  });

  it("takes city, state and ZIP code off the second line too", () => {
    const address = { line1: "1200 N Main Street", line2: "Apt 4B, Springfield IL 62701", ...SPRINGFIELD };
    expect(normalizeAddress(address).key).toBe(ANA_SILVA_KEY);
  });

  it("keeps street words that only look like the city or the state", () => {
    expect(normalizeAddress({ line1: "100 Springfield Ave", ...SPRINGFIELD }).street).toBe("100 SPRINGFIELD AVE");
    expect(normalizeAddress({ line1: "100 Main St NE", city: "Omaha", state: "NE", zip: "68102" }).street).toBe(
      "100 MAIN ST NE",
    );
    expect(
      normalizeAddress({ line1: "100 Main St NE, Omaha NE 68102", city: "Omaha", state: "NE", zip: "68102" }).street,
    ).toBe("100 MAIN ST NE");
    expect(normalizeAddress({ line1: "62701 Elm St", ...SPRINGFIELD }).street).toBe("62701 ELM ST");
  });

  it("writes state names as their codes and ZIP+4 as ZIP 5", () => {
    const address = { line1: "55 Elm Street", city: "portland", state: "Maine", zip: "04101-2345" };
    expect(normalizeAddress(address)).toEqual({
      street: "55 ELM ST",
      key: "55 ELM ST|PORTLAND|ME|04101",
      zip5: "04101",
    });
  });

  it("keeps the key free of the separator and of lower case", () => {
    const { key } = normalizeAddress({
      line1: "1|2 main st",
      line2: "apt|4",
      city: "a|b",
      state: "i|l",
      zip: "6|2701",
    });
    expect(key.split("|")).toHaveLength(4);
    expect(key).toBe(key.toUpperCase());
  });
});

describe("normalizeStreet: Publication 28 forms", () => {
  it.each([
    // Suffixes
    ["1200 N Main Street", null, "1200 N MAIN ST"],
    ["100 Sunset Boulevard", null, "100 SUNSET BLVD"],
    ["100 Sunset Blvd.", null, "100 SUNSET BLVD"],
    ["100 Oak Avenu", null, "100 OAK AVE"],
    ["100 Oak Strt", null, "100 OAK ST"],
    ["100 Cedar Pky", null, "100 CEDAR PKWY"],
    ["100 Maple Crossing", null, "100 MAPLE XING"],
    ["100 Mill Creek Road", null, "100 MILL CREEK RD"],
    ["100 Park Avenue", null, "100 PARK AVE"],
    ["100 Street St", null, "100 STREET ST"],
    ["100 Avenue A", null, "100 AVENUE A"],
    ["100 St. Charles Avenue", null, "100 ST CHARLES AVE"],
    ["100 Charity Key", "#4", "100 CHARITY KY APT 4"],
    // Directionals
    ["100 Main St North", null, "100 MAIN ST N"],
    ["100 Northeast Main St", null, "100 NE MAIN ST"],
    ["100 North East Main St", null, "100 NE MAIN ST"],
    ["100 N.E. Main St", null, "100 NE MAIN ST"],
    ["100 Main St South-West", null, "100 MAIN ST SW"],
    ["1600 Pennsylvania Avenue Northwest", null, "1600 PENNSYLVANIA AVE NW"],
    ["100 North St", null, "100 NORTH ST"],
    ["100 West Avenue", null, "100 WEST AVE"],
    ["100 S West Ave", null, "100 S WEST AVE"],
    ["100 N Street", null, "100 N ST"],
    ["1200 East 400 South", null, "1200 E 400 S"],
    // Secondary units
    ["1200 N Main St", "Apartment 4B", "1200 N MAIN ST APT 4B"],
    ["1200 N Main St # 4B", null, "1200 N MAIN ST APT 4B"],
    ["1200 N. Main St., Apt. 4-B", null, "1200 N MAIN ST APT 4B"],
    ["1200 n main st apt #4 b", null, "1200 N MAIN ST APT 4B"],
    ["1200 N Main St", "4B", "1200 N MAIN ST APT 4B"],
    ["1200 N Main St 4B", null, "1200 N MAIN ST APT 4B"],
    ["Apt 4B", "1200 N Main St", "1200 N MAIN ST APT 4B"],
    ["Apt 4B, 1200 N Main St", null, "1200 N MAIN ST APT 4B"],
    ["1200 N Main St\nApt 4B", null, "1200 N MAIN ST APT 4B"],
    ["1200 N Main St Apt 4B", "Apt 4B", "1200 N MAIN ST APT 4B"],
    ["500 Elm Avenue Suite 200", null, "500 ELM AVE STE 200"],
    ["500 Elm Ave", "Ste #200", "500 ELM AVE STE 200"],
    ["500 Elm Av, Floor 3", null, "500 ELM AVE FL 3"],
    ["500 Elm Ave 3rd Floor", null, "500 ELM AVE FL 3"],
    ["500 Elm Ave", "Bldg 2, Rm 101", "500 ELM AVE BLDG 2 RM 101"],
    ["500 Elm Ave Room 101 Building 2", null, "500 ELM AVE BLDG 2 RM 101"],
    ["500 Elm Ave Department 12", null, "500 ELM AVE DEPT 12"],
    ["500 Elm Ave Hangar 4", null, "500 ELM AVE HNGR 4"],
    ["500 Elm Ave Unit 7", null, "500 ELM AVE UNIT 7"],
    ["500 Elm Ave Penthouse", null, "500 ELM AVE PH"],
    ["500 Elm Ave", "Basement", "500 ELM AVE BSMT"],
    ["500 Elm Ave Rear", null, "500 ELM AVE REAR"],
    ["500 Elm Ave Front", null, "500 ELM AVE FRNT"],
    ["500 Elm Ave Side", null, "500 ELM AVE SIDE"],
    ["500 Elm Ave Upper", null, "500 ELM AVE UPPR"],
    ["500 Elm Ave Lower", null, "500 ELM AVE LOWR"],
    ["500 Elm Ave Lobby", null, "500 ELM AVE LBBY"],
    ["500 Elm Ave Office", null, "500 ELM AVE OFC"],
    ["12 Harbor Rd Space 14", null, "12 HARBOR RD SPC 14"],
    ["12 Harbor Rd Trailer 9", null, "12 HARBOR RD TRLR 9"],
    ["12 Harbor Rd Lot 5", null, "12 HARBOR RD LOT 5"],
    ["12 Harbor Rd Pier 3", null, "12 HARBOR RD PIER 3"],
    ["12 Harbor Rd Slip 8", null, "12 HARBOR RD SLIP 8"],
    ["12 Harbor Rd Stop 2", null, "12 HARBOR RD STOP 2"],
    ["12 Harbor Rd Key 4", null, "12 HARBOR RD KEY 4"],
    ["100 Rear St", null, "100 REAR ST"],
    ["100 Key West Avenue", null, "100 KEY WEST AVE"],
    // Highways and boxes
    ["100 US Hwy 1", null, "100 US HIGHWAY 1"],
    ["100 Highway 66", "Apt 2", "100 HIGHWAY 66 APT 2"],
    ["100 County Rd 12", null, "100 COUNTY ROAD 12"],
    ["100 CR 12", null, "100 COUNTY ROAD 12"],
    ["100 State Rte 9", null, "100 STATE ROUTE 9"],
    ["100 Pacific Coast Highway", null, "100 PACIFIC COAST HWY"],
    ["P.O. Box 123", null, "PO BOX 123"],
    ["Post Office Box 123", null, "PO BOX 123"],
    ["PO Box #123", null, "PO BOX 123"],
    ["Rural Route 2 Box 152", null, "RR 2 BOX 152"],
    ["HC 68 Box 23A", null, "HC 68 BOX 23A"],
    // House numbers, punctuation, accents, full-width forms
    ["123 1/2 Main St", null, "123 1/2 MAIN ST"],
    ["123 ½ Main St", null, "123 1/2 MAIN ST"],
    ["123-45 Queens Blvd", null, "123-45 QUEENS BLVD"],
    ["1,200 Main St", null, "1200 MAIN ST"],
    ["123 O'Neil Ct", null, "123 ONEIL CT"],
    ["12 Peña Blvd", null, "12 PENA BLVD"],
    ["１２ Ｍａｉｎ Ｓｔ", null, "12 MAIN ST"],
    ["  12   Main\tSt  ", null, "12 MAIN ST"],
    ["Broadway", null, "BROADWAY"],
    ["", null, ""],
    ["  ,  ;  ", "   ", ""],
  ])("%j + %j → %j", (line1, line2, expected) => {
    expect(normalizeStreet(line1, line2)).toBe(expected);
  });

  it("handles very long input quickly", () => {
    const started = performance.now();
    expect(normalizeStreet(`1200 ${"Main ".repeat(20_000)}Street`, "Apt 4B")).toMatch(/^1200 MAIN .* MAIN ST APT 4B$/);
    expect(normalizeStreet("#".repeat(100_000), `${"-".repeat(100_000)}1`)).toBe("1");
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe("city, state and ZIP 5", () => {
  it.each([
    ["Springfield", "SPRINGFIELD"],
    ["  st.  louis ", "ST LOUIS"],
    ["Coeur d'Alene", "COEUR DALENE"],
    ["Winston-Salem", "WINSTON SALEM"],
    ["Española", "ESPANOLA"],
    ["", ""],
  ])("city %j → %j", (input, expected) => {
    expect(normalizeCity(input)).toBe(expected);
  });

  it.each([
    ["IL", "IL"],
    [" il ", "IL"],
    ["Illinois", "IL"],
    ["ILLINOIS", "IL"],
    ["new  york", "NY"],
    ["District of Columbia", "DC"],
    ["D.C.", "DC"],
    ["Puerto Rico", "PR"],
    ["Hawai'i", "HI"],
    ["Armed Forces Pacific", "AP"],
    ["Ill.", "ILL"],
    ["", ""],
  ])("state %j → %j", (input, expected) => {
    expect(normalizeState(input)).toBe(expected);
  });

  it.each([
    ["62701", "62701"],
    ["62701-1234", "62701"],
    ["627011234", "62701"],
    [" 62701 1234 ", "62701"],
    ["62701-12", "62701"],
    ["6270", "6270"],
    ["", ""],
  ])("ZIP %j → %j", (input, expected) => {
    expect(normalizeZip5(input)).toBe(expected);
  });
});
