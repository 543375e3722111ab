import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { accountKeys } from "../../api/accounts.ts";
import { runInactivitySweep } from "../../api/admin-staff.ts";
import { isApiProblem } from "../../api/problem.ts";
import { describeProblem } from "../../lib/problem-words.ts";
import { outcomeKnown, useIdempotencyKeys } from "../../lib/use-idempotency-keys.ts";
import { Button } from "../../ui/button.tsx";
import { Section } from "../../ui/card.tsx";
import { describeSweep } from "./admin-words.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";

/** Runs the inactivity sweep now instead of waiting for its schedule, after a confirm, and says what it did. */
export function InactivitySweep() {
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState("");

  const sweep = useMutation({
    mutationFn: (key: string) => runInactivitySweep(key),
    retry: (failures, error) => failures < 1 && isApiProblem(error) && error.code === "network_error",
    retryDelay: 500,
    onSuccess: (answer) => {
      keys.settle("sweep", true);
      // Accounts may have changed status: search results and open accounts must be asked for again.
      void queryClient.invalidateQueries({ queryKey: accountKeys.all });
      setResult(describeSweep(answer));
      setOpen(false);
    },
    onError: (error) => keys.settle("sweep", outcomeKnown(error)),
  });

  return (
    <Section title="Inactivity sweep">
      <p>
        Deactivates customer accounts with no activity for longer than the inactivity limit (3 years unless configured
        otherwise). It also runs by itself on a schedule; an account is never deactivated twice.
      </p>
      <div className="cluster">
        <Button ref={buttonRef} onClick={() => setOpen(true)}>
          Run inactivity sweep now
        </Button>
        <p role="status" className="sweep-result">
          {result}
        </p>
      </div>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) sweep.reset();
        }}
        returnFocusTo={buttonRef}
        title="Run the inactivity sweep now?"
        description="Customer accounts past the inactivity limit are deactivated at once. Their owners then need a recovery call to use them again."
        confirmLabel="Run sweep"
        busy={sweep.isPending}
        problem={sweep.isError ? describeProblem(sweep.error) : null}
        onConfirm={() => {
          setResult("");
          sweep.mutate(keys.keyFor("sweep"));
        }}
      />
    </Section>
  );
}
