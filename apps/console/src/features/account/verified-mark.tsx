import { CheckIcon, CrossIcon } from "../../ui/icons.tsx";

/** "Verified" or "Not verified", with a tick or a cross, so it reads without colour. */
export function VerifiedMark({ verified }: { verified: boolean }) {
  return verified ? (
    <span className="mark mark--yes">
      <CheckIcon />
      Verified
    </span>
  ) : (
    <span className="mark mark--no">
      <CrossIcon />
      Not verified
    </span>
  );
}
