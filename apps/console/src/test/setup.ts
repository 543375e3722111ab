import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { resetFakeAccounts } from "./fake-accounts.ts";
import { resetFakeAdmin } from "./fake-admin.ts";
import { resetFakeAlerts } from "./fake-alerts.ts";
import { resetFakeApi } from "./fake-api.ts";
import { resetFakeAudit } from "./fake-audit.ts";
import { resetFakeMerges } from "./fake-merges.ts";
import { resetFakePolicy } from "./fake-policy.ts";
import { resetFakeRecovery } from "./fake-recovery.ts";
import { resetFakeReports } from "./fake-reports.ts";
import { resetFakeVerification } from "./fake-verification.ts";
import { server } from "./server.ts";

// jsdom has no layout, so it has no scrolling; the router's scroll restoration calls this.
window.scrollTo = () => {};

// Any call the tests did not expect is a bug, not a silent pass.
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  server.resetHandlers();
  resetFakeApi();
  resetFakeVerification();
  resetFakeAccounts();
  resetFakeAudit();
  resetFakeRecovery();
  resetFakeReports();
  resetFakePolicy();
  resetFakeAdmin();
  resetFakeMerges();
  resetFakeAlerts();
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
});

afterAll(() => server.close());
