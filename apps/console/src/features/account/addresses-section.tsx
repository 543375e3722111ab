import type { Address } from "@recovery-desk/shared";
import { Section } from "../../ui/card.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";

const KIND_LABELS: Record<Address["kind"], string> = { home: "Home", mailing: "Mailing" };

/** Postal addresses; while masked, the house number shows as "•••". */
export function AddressesSection({ addresses }: { addresses: Address[] }) {
  return (
    <Section title="Addresses">
      {addresses.length === 0 ? (
        <p className="muted">No address on file.</p>
      ) : (
        <ul className="plain-list stack">
          {addresses.map((address) => (
            <li key={address.id}>
              <p className="address__kind">{KIND_LABELS[address.kind]} address</p>
              <address className="address">
                <span className="masked">{address.line1}</span>
                {address.masked ? <VisuallyHidden> (house number hidden)</VisuallyHidden> : null}
                <br />
                {address.line2 ? (
                  <>
                    {address.line2}
                    <br />
                  </>
                ) : null}
                {address.city}, {address.state} {address.zip5}
              </address>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
