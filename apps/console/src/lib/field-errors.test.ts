import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { checkForm } from "./field-errors.ts";

const Request = z.object({ name: z.string().min(1), count: z.number().min(1), kind: z.enum(["a", "b"]) });
const messages = { name: "Enter a name.", count: "Give at least one." };

function refs() {
  const field = () => ({ current: { focus: vi.fn() } as unknown as HTMLElement });
  return { name: field(), count: field() };
}

describe("checkForm", () => {
  it("gives the parsed values and no errors when the schema accepts them", () => {
    const fields = refs();
    const checked = checkForm(Request.safeParse({ name: "x", count: 2, kind: "a" }), messages, fields);
    expect(checked).toEqual({ ok: true, data: { name: "x", count: 2, kind: "a" }, errors: {} });
    expect(fields.name.current.focus).not.toHaveBeenCalled();
    expect(fields.count.current.focus).not.toHaveBeenCalled();
  });

  it("names each refused field in the form's words and puts the keyboard in the first of them", () => {
    const fields = refs();
    const checked = checkForm(Request.safeParse({ name: "", count: 0, kind: "a" }), messages, fields);
    expect(checked).toEqual({ ok: false, errors: { name: "Enter a name.", count: "Give at least one." } });
    expect(fields.name.current.focus).toHaveBeenCalledOnce();
    expect(fields.count.current.focus).not.toHaveBeenCalled();
  });

  it("skips the fields the schema accepted", () => {
    const fields = refs();
    const checked = checkForm(Request.safeParse({ name: "x", count: 0, kind: "a" }), messages, fields);
    expect(checked).toEqual({ ok: false, errors: { count: "Give at least one." } });
    expect(fields.count.current.focus).toHaveBeenCalledOnce();
    expect(fields.name.current.focus).not.toHaveBeenCalled();
  });

  it("goes to the last field when the schema refused something no field shows", () => {
    const fields = refs();
    const checked = checkForm(Request.safeParse({ name: "x", count: 2, kind: "c" }), messages, fields);
    expect(checked).toEqual({ ok: false, errors: {} });
    expect(fields.count.current.focus).toHaveBeenCalledOnce();
  });
});
