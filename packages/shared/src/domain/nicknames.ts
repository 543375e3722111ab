/**
 * Common English given-name nicknames, each group one person's name as people write it.
 * Used to see that "Bill Smith" and "William Smith" at one address may be the same person.
 */
const GROUPS: string[][] = [
  ["william", "bill", "billy", "will", "willy", "liam"],
  ["robert", "bob", "bobby", "rob", "robbie", "bert"],
  ["richard", "rick", "ricky", "dick", "rich"],
  ["james", "jim", "jimmy", "jamie"],
  ["john", "jack", "johnny", "jon"],
  ["joseph", "joe", "joey"],
  ["michael", "mike", "mikey", "mick"],
  ["thomas", "tom", "tommy"],
  ["charles", "charlie", "chuck", "chas"],
  ["christopher", "chris", "kit"],
  ["daniel", "dan", "danny"],
  ["david", "dave", "davey"],
  ["edward", "ed", "eddie", "ted", "ned"],
  ["anthony", "tony"],
  ["andrew", "andy", "drew"],
  ["matthew", "matt"],
  ["nicholas", "nick", "nicky"],
  ["steven", "stephen", "steve"],
  ["benjamin", "ben", "benny"],
  ["samuel", "sam", "sammy"],
  ["alexander", "alex", "al", "sandy"],
  ["patrick", "pat", "paddy"],
  ["timothy", "tim", "timmy"],
  ["kenneth", "ken", "kenny"],
  ["ronald", "ron", "ronnie"],
  ["donald", "don", "donnie"],
  ["gregory", "greg"],
  ["jeffrey", "geoffrey", "jeff"],
  ["lawrence", "larry"],
  ["gerald", "jerry"],
  ["raymond", "ray"],
  ["peter", "pete"],
  ["frederick", "fred", "freddie"],
  ["elizabeth", "liz", "lizzie", "beth", "betty", "eliza", "liza", "betsy"],
  ["margaret", "maggie", "meg", "peggy", "marge"],
  ["katherine", "catherine", "kathryn", "kate", "katie", "kathy", "cathy", "kat"],
  ["jennifer", "jen", "jenny"],
  ["jessica", "jess", "jessie"],
  ["rebecca", "becky", "becca"],
  ["susan", "sue", "susie", "suzanne"],
  ["deborah", "debra", "deb", "debbie"],
  ["patricia", "pat", "patty", "tricia", "trish"],
  ["barbara", "barb", "barbie"],
  ["dorothy", "dot", "dottie"],
  ["victoria", "vicky", "tori"],
  ["christina", "christine", "chris", "tina", "chrissy"],
  ["abigail", "abby"],
  ["samantha", "sam", "sammie"],
  ["alexandra", "alex", "lexi", "sandra"],
  ["ana", "anna", "ann", "anne", "annie", "hannah"],
  ["maria", "mary", "marie", "mia"],
  ["josephine", "jo", "josie"],
  ["theresa", "teresa", "terry", "tess"],
  ["kimberly", "kim"],
];

const INDEX = new Map<string, Set<number>>();
GROUPS.forEach((group, i) => {
  for (const name of group) INDEX.set(name, (INDEX.get(name) ?? new Set()).add(i));
});

/** True when two given names (already normalised) are the same name or nicknames of one name. */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  const groupsA = INDEX.get(a);
  if (!groupsA) return false;
  for (const g of INDEX.get(b) ?? []) if (groupsA.has(g)) return true;
  return false;
}
