import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { auditKeys, chainStateQuery, verifyChainRange } from "../../api/audit.ts";

/** How many events one verify call checks; the progress bar moves after each. */
export const CHECK_RANGE = 5_000;

export type CheckMode = "since_checkpoint" | "everything";

export type CheckProgress = { checked: number; total: number; fromSeq: number; toSeq: number };

export type CheckOutcome =
  | { kind: "intact"; checked: number; fromSeq: number; toSeq: number }
  | { kind: "broken"; checked: number; fromSeq: number; toSeq: number; firstBadSeq: number }
  | { kind: "stopped"; checked: number; fromSeq: number; toSeq: number };

/**
 * Checks the chain in ranges of 5,000 events, from the last checkpoint (or from event 1) up to the
 * head as it is when the check starts, and stops at the first range that does not fit. Each range is
 * recorded by the API, and an intact range that starts at a checkpoint moves the checkpoint on.
 */
export function useChainCheck() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<CheckProgress | null>(null);
  const controllerRef = useRef<AbortController | null>(null);

  const check = useMutation({
    mutationFn: async (mode: CheckMode): Promise<CheckOutcome> => {
      const controller = new AbortController();
      controllerRef.current = controller;
      const { signal } = controller;
      const state = await queryClient.fetchQuery({ ...chainStateQuery(), staleTime: 0 });
      const fromSeq = mode === "since_checkpoint" && state.lastCheckpoint ? state.lastCheckpoint.seq + 1 : 1;
      const toSeq = state.headSeq;
      const total = Math.max(0, toSeq - fromSeq + 1);
      let checked = 0;
      setProgress({ checked, total, fromSeq, toSeq });

      try {
        // Nothing new since the checkpoint: one call still confirms the checkpoint's event and records the check.
        const ranges =
          total === 0
            ? [{ fromSeq }]
            : Array.from({ length: Math.ceil(total / CHECK_RANGE) }, (_, i) => ({
                fromSeq: fromSeq + i * CHECK_RANGE,
                toSeq: Math.min(fromSeq + (i + 1) * CHECK_RANGE - 1, toSeq),
              }));
        for (const range of ranges) {
          if (signal.aborted) return { kind: "stopped", checked, fromSeq, toSeq };
          const result = await verifyChainRange(range, signal);
          checked += result.checked;
          setProgress({ checked, total, fromSeq, toSeq });
          if (!result.ok) {
            return { kind: "broken", checked, fromSeq, toSeq, firstBadSeq: result.firstBadSeq ?? range.fromSeq };
          }
        }
        return { kind: "intact", checked, fromSeq, toSeq };
      } catch (error) {
        if (signal.aborted) return { kind: "stopped", checked, fromSeq, toSeq };
        throw error;
      }
    },
    onSettled: async () => {
      controllerRef.current = null;
      await queryClient.invalidateQueries({ queryKey: auditKeys.state() });
    },
  });

  return {
    run: (mode: CheckMode) => check.mutate(mode),
    stop: () => controllerRef.current?.abort(),
    running: check.isPending,
    progress,
    outcome: check.data ?? null,
    error: check.error,
  };
}
