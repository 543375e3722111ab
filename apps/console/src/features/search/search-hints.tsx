import { DescriptionItem, DescriptionList } from "../../ui/description-list.tsx";
import { Kbd } from "../../ui/kbd.tsx";
import { Separator } from "../../ui/separator.tsx";

const EXAMPLES = [
  { what: "A name (small typos are fine)", example: "Maria Lopez" },
  { what: "A phone number, written any way", example: "(217) 555-0142" },
  { what: "A whole email address", example: "maria.lopez@example.com" },
  { what: "A ZIP code", example: "62701" },
  { what: "A street address", example: "1200 N Main St" },
  { what: "The start of a username", example: "maria.lo" },
];

/** What the empty search page offers: everything the caller might tell you. */
export function SearchHints() {
  return (
    <div className="search-hints">
      <h2 className="section__title">What you can search for</h2>
      <DescriptionList className="dl--compact">
        {EXAMPLES.map(({ what, example }) => (
          <DescriptionItem key={what} term={what}>
            <code>{example}</code>
          </DescriptionItem>
        ))}
      </DescriptionList>
      <Separator />
      <p className="muted">
        Press <Kbd>/</Kbd> to come back to the search box, <Kbd>↓</Kbd> to move into the results and <Kbd>Enter</Kbd> to
        open one.
      </p>
    </div>
  );
}
