import { CheckIcon } from "../../ui/icons.tsx";

/**
 * A polite live region that is always in the page, so what is put in it later is read out without
 * taking the keyboard away; shown too, with a tick, until the next change replaces it.
 */
export function StatusMessage({ message }: { message: string }) {
  return (
    <p role="status" className="admin-status">
      {message ? (
        <>
          <CheckIcon className="admin-status__icon" />
          {message}
        </>
      ) : null}
    </p>
  );
}
