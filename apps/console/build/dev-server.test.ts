import { describe, expect, it } from "vitest";
import { apiTarget, consolePort } from "./dev-server.ts";

describe("the dev server's address for the API", () => {
  it("follows PORT, as `PORT=4322 pnpm dev` starts the API there", () => {
    expect(apiTarget({ PORT: "4322" })).toBe("http://127.0.0.1:4322");
  });

  it("is port 3000 on this machine without settings", () => {
    expect(apiTarget({})).toBe("http://127.0.0.1:3000");
    expect(apiTarget({ PORT: "" })).toBe("http://127.0.0.1:3000");
  });

  it("prefers API_PORT, for an API started on its own", () => {
    expect(apiTarget({ PORT: "4322", API_PORT: "4400" })).toBe("http://127.0.0.1:4400");
  });

  it("follows HOST, and reaches an API on every address through this machine's own", () => {
    expect(apiTarget({ HOST: "192.168.1.20", PORT: "4322" })).toBe("http://192.168.1.20:4322");
    expect(apiTarget({ HOST: "0.0.0.0" })).toBe("http://127.0.0.1:3000");
    expect(apiTarget({ HOST: "::" })).toBe("http://127.0.0.1:3000");
    expect(apiTarget({ HOST: "::1" })).toBe("http://[::1]:3000");
  });

  it("refuses a PORT that is not a port, naming it", () => {
    expect(() => apiTarget({ PORT: "43x" })).toThrow("PORT must be a port number from 1 to 65535, not “43x”.");
    expect(() => apiTarget({ API_PORT: "70000" })).toThrow(/API_PORT must be a port number/);
  });
});

describe("the dev server's own port", () => {
  it("is 5173, or the next free one", () => {
    expect(consolePort({})).toEqual({ port: 5173, strictPort: false });
  });

  it("is CONSOLE_PORT when set, and then exactly that one", () => {
    expect(consolePort({ CONSOLE_PORT: "5200", PORT: "4322" })).toEqual({ port: 5200, strictPort: true });
    expect(() => consolePort({ CONSOLE_PORT: "abc" })).toThrow(/CONSOLE_PORT must be a port number/);
  });
});
