import { createFileRoute } from "@tanstack/react-router";
import { ReportScreen } from "../features/report/report-screen.tsx";

/**
 * The owner's public page behind the report link in a notice: no sign-in and no session check, and
 * outside the staff console's frame. Its code loads only when the page is opened.
 */
export const Route = createFileRoute("/report/$token")({
  component: ReportScreen,
});
