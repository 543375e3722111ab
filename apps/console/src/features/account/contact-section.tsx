import type { AccountDetail } from "@recovery-desk/shared";
import { formatPhone } from "../../lib/format.ts";
import { Section } from "../../ui/card.tsx";
import { DescriptionItem, DescriptionList } from "../../ui/description-list.tsx";
import { VerifiedMark } from "./verified-mark.tsx";

type Channels = AccountDetail["channels"];

/** Where a one-time code or a temporary password could go: only a verified channel can be used. */
export function ContactSection({ channels }: { channels: Channels }) {
  return (
    <Section title="Contact channels">
      <DescriptionList>
        <DescriptionItem term="Email">
          <span className="masked">{channels.email.masked ?? "None on file"}</span>
          {channels.email.masked ? <VerifiedMark verified={channels.email.verified} /> : null}
        </DescriptionItem>
        <DescriptionItem term="Phone">
          <span className="masked">{channels.phone.masked ? formatPhone(channels.phone.masked) : "None on file"}</span>
          {channels.phone.masked ? <VerifiedMark verified={channels.phone.verified} /> : null}
        </DescriptionItem>
      </DescriptionList>
    </Section>
  );
}
