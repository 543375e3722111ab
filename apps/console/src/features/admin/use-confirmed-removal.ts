import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { isApiProblem } from "../../api/problem.ts";
import { describeProblem, type ProblemMessage } from "../../lib/problem-words.ts";
import { outcomeKnown, useIdempotencyKeys } from "../../lib/use-idempotency-keys.ts";

type RemovalOptions<T extends { id: string }> = {
  /** Names the action in its Idempotency-Key, e.g. "revoke". */
  action: string;
  remove: (target: T, idempotencyKey: string) => Promise<unknown>;
  /** The list that shows the targets; refreshed after a removal, or when the target is found gone. */
  listKey: QueryKey;
  /** Words for a refusal that means the target is already gone or changed: no retry can help. */
  finalProblem: (error: unknown) => string | null;
  onRemoved: (target: T) => void;
  onClose: () => void;
};

/**
 * The confirm step of removing something from an admin list (revoking a key, deleting a webhook):
 * one Idempotency-Key per target, so a retry after a dropped connection is safe, and a refusal that
 * says the target is already gone shown as final, with the list refreshed.
 */
export function useConfirmedRemoval<T extends { id: string }>(options: RemovalOptions<T>) {
  const { action, remove, listKey, finalProblem, onRemoved, onClose } = options;
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const [problem, setProblem] = useState<{ message: ProblemMessage; final: boolean } | null>(null);

  const mutation = useMutation({
    mutationFn: ({ target, key }: { target: T; key: string }) => remove(target, key),
    retry: (failures, error) => failures < 1 && isApiProblem(error) && error.code === "network_error",
    retryDelay: 500,
    onSuccess: (_, { target }) => {
      keys.settle(`${action}:${target.id}`, true);
      void queryClient.invalidateQueries({ queryKey: listKey });
      onRemoved(target);
    },
    onError: (error, { target }) => {
      keys.settle(`${action}:${target.id}`, outcomeKnown(error));
      const final = finalProblem(error);
      if (final !== null) void queryClient.invalidateQueries({ queryKey: listKey });
      setProblem({
        message: final !== null ? { message: final, requestId: null } : describeProblem(error),
        final: final !== null,
      });
    },
  });

  return {
    busy: mutation.isPending,
    problem: problem?.message ?? null,
    canConfirm: !problem?.final,
    confirm(target: T | null) {
      if (!target) return;
      setProblem(null);
      mutation.mutate({ target, key: keys.keyFor(`${action}:${target.id}`) });
    },
    /** For the dialog's onOpenChange: closing forgets the problem. */
    changeOpen(open: boolean) {
      if (open) return;
      setProblem(null);
      mutation.reset();
      onClose();
    },
  };
}
