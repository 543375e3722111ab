import { Link } from "@tanstack/react-router";
import { Button } from "../button.tsx";

/** The way on from a page that cannot be shown: account search, where every call starts. */
export function GoToSearch({ variant = "primary" }: { variant?: "primary" | "secondary" }) {
  return (
    <Button variant={variant} asChild>
      <Link to="/accounts">Go to account search</Link>
    </Button>
  );
}
