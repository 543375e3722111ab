import { plural } from "../../lib/format.ts";
import { Badge } from "../../ui/badge.tsx";
import { DuplicateIcon } from "../../ui/icons.tsx";

/** Shown when other accounts share this one's address: the caller may have more than one. */
export function DuplicateBadge({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <Badge tone="warning" icon={<DuplicateIcon />}>
      Possible duplicate ({plural(count, "other account", "other accounts")} at this address)
    </Badge>
  );
}
